"""The opening-hours editor: a week grid (each day closed, or one or two ranges) and closures.

The same classes serve the editor's form (`HoursEditor`) and the admin (the week grid as the
formset of `OpeningHoursInline`, the closures as a tabular inline with `ClosureForm`).
"""

from django import forms
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from welcome_portal.textinput import PlainTextField, plain_text_formfield

from .models import Center, Closure, OpeningHours

RANGES = (1, 2)
WEEKDAYS = OpeningHours.Weekday.choices
COPY_TO = range(1, 5)  # "copy Monday to all weekdays": Tuesday to Friday
MAX_CLOSURE_DAYS = 366


class ClockField(forms.TimeField):
    """A time typed as people write it: 9, 9:00, 09:00, 9.00 or 0900; shown as HH:MM."""

    input_formats = ["%H:%M", "%H.%M", "%H%M", "%H"]
    default_error_messages = {"invalid": _("Enter a time such as 09:00.")}

    def __init__(self, label, **kwargs):
        widget = forms.TimeInput(
            format="%H:%M", attrs={"inputmode": "numeric", "autocomplete": "off", "size": 5}
        )
        super().__init__(label=label, required=False, widget=widget, **kwargs)

    def to_python(self, value):
        return super().to_python(value.strip() if isinstance(value, str) else value)


class DayForm(forms.Form):
    """One weekday: closed (all empty), or one or two ranges, and a note in both languages."""

    opens_1 = ClockField(pgettext_lazy("time range", "from"))
    closes_1 = ClockField(pgettext_lazy("time range", "to"))
    opens_2 = ClockField(pgettext_lazy("time range", "from"))
    closes_2 = ClockField(pgettext_lazy("time range", "to"))
    note_de = PlainTextField(label=capfirst(_("note (German)")), max_length=200, required=False)
    note_en = PlainTextField(label=capfirst(_("note (English)")), max_length=200, required=False)

    def __init__(self, *args, weekday: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.weekday = weekday
        self.day_label = WEEKDAYS[weekday][1] if weekday is not None else ""
        self.ranges: list[tuple] = []

    def field_context(self, name: str) -> str:
        """What a field is, for screen readers and the error summary ("Friday, first range")."""
        if name.endswith("_1"):
            return _("%(day)s, first range") % {"day": self.day_label}
        if name.endswith("_2"):
            return _("%(day)s, second range") % {"day": self.day_label}
        return str(self.day_label)

    def range_rows(self) -> list[dict]:
        """The two ranges for the template: what they are and their bound fields."""
        return [
            {
                "context": self.field_context(f"opens_{n}"),
                "fields": [self[f"opens_{n}"], self[f"closes_{n}"]],
            }
            for n in RANGES
        ]

    def note_fields(self):
        return [self["note_de"], self["note_en"]]

    @property
    def note_open(self) -> bool:
        return any(self[name].value() or self[name].errors for name in ("note_de", "note_en"))

    def clean(self):
        data = super().clean()
        ranges = [r for n in RANGES if (r := self._clean_range(data, n))]
        ranges.sort()
        if len(ranges) == 2 and ranges[1][0] < ranges[0][1]:
            self.add_error("opens_2", _("The second range must begin after the first one ends."))
        if not ranges:
            for name in ("note_de", "note_en"):
                if data.get(name):
                    self.add_error(name, _("A note needs opening hours on this day."))
        self.ranges = ranges
        return data

    def _clean_range(self, data, n: int):
        opens, closes = f"opens_{n}", f"closes_{n}"
        if opens in self.errors or closes in self.errors:
            return None
        if data.get(opens) is None and data.get(closes) is None:
            return None
        if data.get(opens) is None:
            self.add_error(opens, _("Enter the opening time too."))
        elif data.get(closes) is None:
            self.add_error(closes, _("Enter the closing time too."))
        elif data[closes] <= data[opens]:
            self.add_error(closes, _("The closing time must be after the opening time."))
        else:
            return (data[opens], data[closes])
        return None


def _day_initial(intervals: list[OpeningHours]) -> dict:
    initial = {}
    for n, interval in zip(RANGES, intervals, strict=False):
        initial[f"opens_{n}"] = interval.opens
        initial[f"closes_{n}"] = interval.closes
    notes = [i for i in intervals if i.notes_de or i.notes_en]
    if notes:
        initial.update(note_de=notes[0].notes_de, note_en=notes[0].notes_en)
    return initial


class BaseWeekFormSet(forms.BaseFormSet):
    """Seven DayForms over a center's OpeningHours rows; quacks like an inline formset.

    The admin builds it as `FormSet(data, files, instance=..., prefix=..., queryset=...)` and
    reads `new_objects`, `changed_objects` and `deleted_objects` after `save()`. A POST with
    the copy button (`<prefix>-copy`) copies Monday to Tuesday to Friday and is not valid, so
    nothing is saved and the copied week comes back to be checked.
    """

    def __init__(self, data=None, files=None, instance=None, prefix=None, **kwargs):
        kwargs.pop("queryset", None)
        kwargs.pop("save_as_new", None)
        self.instance = instance if instance is not None else Center()
        prefix = prefix or self.get_default_prefix()
        self.copied = data is not None and f"{prefix}-copy" in data
        if self.copied:
            data = self._with_monday_copied(data, prefix)
        super().__init__(data, files, prefix=prefix, initial=self._initial(), **kwargs)
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []

    @classmethod
    def get_default_prefix(cls):
        return "opening_hours"

    @staticmethod
    def _with_monday_copied(data, prefix):
        data = data.copy()
        for field in DayForm.base_fields:
            value = data.get(f"{prefix}-0-{field}", "")
            for day in COPY_TO:
                data[f"{prefix}-{day}-{field}"] = value
        return data

    def _initial(self):
        if self.instance.pk is None:
            return [{} for _ in WEEKDAYS]
        week = [[] for _ in WEEKDAYS]
        for interval in self._existing():
            week[interval.weekday].append(interval)
        return [_day_initial(intervals) for intervals in week]

    def _existing(self) -> list[OpeningHours]:
        return list(OpeningHours.objects.filter(center=self.instance).order_by("weekday", "opens"))

    @property
    def management_form(self):
        counts = {
            f"{self.prefix}-{TOTAL_FORM_COUNT}": "7",
            f"{self.prefix}-{INITIAL_FORM_COUNT}": "7",
        }
        form = ManagementForm(counts, auto_id=self.auto_id, prefix=self.prefix)
        form.full_clean()
        return form

    def get_form_kwargs(self, index):
        return {"weekday": index}  # None for the admin's empty_form

    def get_queryset(self):
        """The admin pairs each form with a stored row; a day has none of its own."""
        return [None] * len(WEEKDAYS)

    def is_valid(self):
        return super().is_valid() and not self.copied

    def error_links(self) -> list[dict]:
        """Each error of the grid: the field's id, what it is ("Friday, first range, to")."""
        links = []
        for form in self.forms:
            for name, errors in form.errors.items():
                label = f"{form.field_context(name)}, {form.fields[name].label}"
                links += [{"id": form[name].auto_id, "label": label, "error": e} for e in errors]
        return links

    def save(self, commit=True):
        """Make the center's rows what the grid says: update in place, add, delete the rest."""
        existing = self._existing()
        by_day = {day: [h for h in existing if h.weekday == day] for day, _label in WEEKDAYS}
        for form in self.forms:
            rows = by_day[form.weekday]
            notes = {
                "notes_de": form.cleaned_data.get("note_de", ""),
                "notes_en": form.cleaned_data.get("note_en", ""),
            }
            for index, (opens, closes) in enumerate(form.ranges):
                wanted = {"opens": opens, "closes": closes, **notes}
                if index < len(rows):
                    self._update(rows[index], wanted)
                else:
                    row = OpeningHours.objects.create(
                        center=self.instance, weekday=form.weekday, **wanted
                    )
                    self.new_objects.append(row)
            for row in rows[len(form.ranges) :]:
                row.delete()
                self.deleted_objects.append(row)
        return self.new_objects + [row for row, _fields in self.changed_objects]

    def _update(self, row: OpeningHours, wanted: dict):
        changed = [name for name, value in wanted.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, wanted[name])
            row.save(update_fields=changed)
            self.changed_objects.append((row, changed))


WeekFormSet = forms.formset_factory(
    DayForm, formset=BaseWeekFormSet, extra=0, min_num=7, max_num=7, absolute_max=7
)


class ClosureForm(forms.ModelForm):
    class Meta:
        model = Closure
        fields = ["starts_on", "ends_on", "note_de", "note_en"]
        formfield_callback = plain_text_formfield
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].required = False

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and not ends and "ends_on" not in self.errors:
            data["ends_on"] = ends = starts
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day must not be before the first."))
        elif starts and ends and (ends - starts).days >= MAX_CLOSURE_DAYS:
            self.add_error("ends_on", _("A closure lasts at most a year."))
        return data


class ClosureAdminForm(ClosureForm):
    """The admin's tabular inline names its columns only in the header: each field its name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("aria-label", capfirst(field.label))


class ClosureAdminFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = _("Delete this closure")


ClosureFormSet = forms.inlineformset_factory(
    Center, Closure, form=ClosureForm, extra=1, can_delete=True, max_num=50, validate_max=True
)


class HoursEditor:
    """The week grid and the closures of one center, validated and saved together.

    Passed to `services.center_save_by_editor` as `hours_formset`: it sets `instance` and
    calls `save()`, as for a single formset.
    """

    def __init__(self, data=None, *, instance: Center):
        self.week = WeekFormSet(data, instance=instance, prefix="hours")
        self.closures = ClosureFormSet(data, instance=instance, prefix="closures")
        self._instance = instance

    @property
    def instance(self) -> Center:
        return self._instance

    @instance.setter
    def instance(self, center: Center):
        self._instance = self.week.instance = self.closures.instance = center

    @property
    def copied(self) -> bool:
        return self.week.copied

    def is_valid(self) -> bool:
        return all([self.week.is_valid(), self.closures.is_valid()])

    def save(self):
        self.week.save()
        self.closures.save()

    def error_links(self) -> list[dict]:
        """Each error of the grid and the closures: the field's id, what it is, the message."""
        links = self.week.error_links()
        links += [{"id": "closures", "label": _("Closures"), "error": e}
                  for e in self.closures.non_form_errors()]  # fmt: skip
        for number, form in enumerate(self.closures.forms, start=1):
            for name, errors in form.errors.items():
                label = _("Closure %(number)s, %(field)s") % {
                    "number": number,
                    "field": form.fields[name].label,
                }
                links += [{"id": form[name].auto_id, "label": label, "error": e} for e in errors]
        return links
