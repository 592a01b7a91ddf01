"""Spreadsheet import and export of the directories (centers and partners), the resource side.

Widgets that name the valid values when a cell is wrong, the all-or-nothing rule, a diff that
marks the changed fields, human column labels, and exports that a spreadsheet cannot run
(cells that start like a formula are quoted, control characters removed). The admin side
(forms, limits, the preview) is `welcome_portal.import_admin`.
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_countries.fields import CountryField
from import_export import widgets
from import_export.instance_loaders import CachedInstanceLoader

__all__ = ["CachedInstanceLoader"]  # the resources' Meta.instance_loader_class
from import_export.results import RowResult

from .verification import entries_mark_verified

COUNTRY_EXAMPLES = ["DE", "FR", "MX", "US", "VN"]
LISTED_VALUES = 30  # name every valid value up to this many; beyond, give examples
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def valid_values_hint(values: list[str], examples: list[str] | None = None) -> str:
    values = sorted(values)
    if len(values) <= LISTED_VALUES:
        return _("Valid values: %(values)s.") % {"values": ", ".join(values)}
    return _("Valid values are %(count)d codes such as %(examples)s.") % {
        "count": len(values),
        "examples": ", ".join(examples or values[:5]),
    }


def inert(value):
    """A cell value that no spreadsheet evaluates: control characters go, a text that starts
    like a formula gets a leading apostrophe (numbers stay numbers)."""
    if not isinstance(value, str):
        return value
    value = CONTROL.sub("", value)
    if value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def uninert(value):
    """Undo `inert` on import, so that an export re-imports to the same data."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as its slug or code; an unknown one makes the row invalid.

    Found objects are remembered for the rest of the import (`forget` empties the memory),
    so that 10,000 rows with the same kind cost one query, not 10,000.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.found = {}
        self.pending = {}

    def forget(self, pending=None):
        self.found = {}
        # The preview saves nothing: new rows earlier in the file, by their key.
        self.pending = pending if pending is not None else {}

    def clean(self, value, row=None, **kwargs):
        key = str(value).strip() if value not in (None, "") else None
        if key is None:
            return None
        if key in self.found:
            return self.found[key]
        if key in self.pending:
            return self.pending[key]
        try:
            self.found[key] = super().clean(value, row, **kwargs)
            return self.found[key]
        except self.model.DoesNotExist:
            known = list(self.model.objects.values_list(self.field, flat=True)[: LISTED_VALUES + 1])
            hint = (
                valid_values_hint(known)
                if len(known) <= LISTED_VALUES
                else _("Give the %(key)s of an existing entry or of a row earlier in the file.")
                % {"key": self.field}
            )
            raise ValueError(
                _("Unknown %(model)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": value}
                + " "
                + hint
            ) from None


class NaturalKeysWidget(widgets.ManyToManyWidget):
    """Several slugs or codes separated by "|"; every one of them must exist.

    The few topics, services, languages or states are read once per import."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = None

    def forget(self, pending=None):
        self.known = None

    def clean(self, value, row=None, **kwargs):
        if self.known is None:
            self.known = {getattr(obj, self.field): obj for obj in self.model.objects.all()}
        wanted = [v.strip() for v in str(value or "").split(self.separator) if v.strip()]
        found = [self.known[v] for v in dict.fromkeys(wanted) if v in self.known]
        missing = set(wanted) - set(self.known)
        if missing:
            known = list(self.known)
            raise ValueError(
                _("Unknown %(model)s: %(values)s.")
                % {"model": self.model._meta.verbose_name, "values": ", ".join(sorted(missing))}
                + " "
                + valid_values_hint(known)
            )
        return found


class ChoicesWidget(widgets.Widget):
    """A value from a fixed list (stored value, as exports write it)."""

    def __init__(self, choices, examples=None, **kwargs):
        self.values = [str(value) for value, _label in choices if value != ""]
        self.examples = examples
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip()
        if text and text not in self.values:
            raise ValueError(
                _("“%(value)s” is not a valid value.") % {"value": text}
                + " "
                + valid_values_hint(self.values, self.examples)
            )
        return text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class CoordinateWidget(widgets.Widget):
    """A decimal degree, written with a point whatever the staff member's language
    (`number_type` float for a FloatField, so that an unchanged value compares equal)."""

    def __init__(self, number_type=Decimal, **kwargs):
        self.number_type = number_type
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().replace(",", ".")
        if not text:
            return None
        try:
            return self.number_type(Decimal(text))
        except InvalidOperation:
            raise ValueError(_("Enter a number such as 52.52.")) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChangedCell:
    """One cell of the preview: the value in the database, the value in the file."""

    __slots__ = ("changed", "new", "old")

    def __init__(self, old, new, changed):
        self.old, self.new, self.changed = old, new, changed

    def __str__(self):
        return str(self.new)


class FieldDiff:
    """The preview's diff: per column the old and new value and whether it changed
    (instead of django-import-export's HTML diff, which the preview does not show)."""

    def __init__(self, resource, instance, new):
        self.new = new
        self.left = [] if new else self._values(resource, instance)
        self.right = []

    @staticmethod
    def _values(resource, instance):
        unsaved = getattr(instance, "_import_m2m", None)
        values = []
        for field in resource.get_import_fields():
            if unsaved is not None and field.attribute in unsaved:
                widget = field.widget
                keys = [str(getattr(obj, widget.field)) for obj in unsaved[field.attribute]]
                values.append(widget.separator.join(keys))
            else:
                values.append(field.export(instance))
        return values

    def compare_with(self, resource, instance):
        self.right = self._values(resource, instance) if instance is not None else []

    def as_html(self):
        left = self.left or [""] * len(self.right)
        return [
            ChangedCell(old, new, changed=self.new or old != new)
            for old, new in zip(left, self.right, strict=False)
        ]


class DirectoryResourceMixin:
    """For the ModelResources of the directories: all or nothing, the diff the preview shows,
    human labels, errors that name the valid values, inert exports."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for field in self.fields.values():
            model_field = self._model_field(field)
            if (
                model_field is not None
                and model_field.choices
                and type(field.widget)
                in (
                    widgets.Widget,
                    widgets.CharWidget,
                )
            ):
                examples = COUNTRY_EXAMPLES if isinstance(model_field, CountryField) else None
                field.widget = ChoicesWidget(model_field.choices, examples=examples)

    def _model_field(self, field):
        try:
            return self._meta.model._meta.get_field(field.attribute or "")
        except FieldDoesNotExist:
            return None

    def column_label(self, field) -> str:
        """The field's name in the page's language (the column's name is shown beside it)."""
        model_field = self._model_field(field)
        return capfirst(model_field.verbose_name) if model_field else field.column_name

    def column_labels(self) -> dict:
        return {field.attribute: self.column_label(field) for field in self.get_import_fields()}

    def get_diff_class(self):
        return FieldDiff

    def get_queryset(self):
        model = self._meta.model
        relations = [f.name for f in model._meta.concrete_fields if f.is_relation]
        many = [f.name for f in model._meta.many_to_many]
        return model.objects.select_related(*relations).prefetch_related(*many)

    def before_import(self, dataset, **kwargs):
        self.pending = {}
        for field in self.fields.values():
            if (
                isinstance(field.widget, NaturalKeyWidget)
                and field.widget.model is self._meta.model
            ):
                field.widget.forget(self.pending)
            elif hasattr(field.widget, "forget"):
                field.widget.forget()
        super().before_import(dataset, **kwargs)

    def save_instance(self, instance, is_create, row, **kwargs):
        # The preview (a dry run) writes nothing: a whole file of new rows would otherwise be
        # inserted, with history and relations, only to be rolled back.
        if not self._is_dry_run(kwargs):
            return super().save_instance(instance, is_create, row, **kwargs)
        self.before_save_instance(instance, row, **kwargs)
        key = self._meta.import_id_fields[0]
        if is_create:
            self.pending[getattr(instance, key)] = instance
        return None

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_dry_run(kwargs):
            super().save_m2m(instance, row, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's field and `clean()` rules; uniqueness holds by the key (and repeated
        keys are refused before), the foreign keys were found by their widgets, and the check
        constraints are checked here in Python, all without a query per row."""
        errors = dict(import_validation_errors or {})
        checked = [  # foreign keys found by their widgets, choices checked by theirs
            f.name
            for f in instance._meta.concrete_fields
            if (f.is_relation and getattr(instance, f.name, None) is not None)
            or isinstance(getattr(self.fields.get(f.name), "widget", None), ChoicesWidget)
        ]
        try:
            instance.full_clean(
                exclude=[*errors, *checked], validate_unique=False, validate_constraints=False
            )
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if (getattr(instance, "latitude", None) is None) != (
            getattr(instance, "longitude", None) is None
        ):
            errors.setdefault("longitude", []).append(_("Give both coordinates or neither."))
        if getattr(instance, "parent_id", None) and instance.parent_id == instance.pk:
            errors.setdefault("parent", []).append(_("An entry cannot be its own parent."))
        if errors:
            raise ValidationError(errors)

    def import_data(self, dataset, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        self.dry_run = bool(kwargs.get("dry_run"))
        result = super().import_data(dataset, **kwargs)
        result.file_headers = list(dataset.headers or [])
        return result

    def import_data_inner(self, dataset, dry_run, raise_errors, using_transactions, *args, **kw):
        # The preview writes nothing (save_instance), so it needs no savepoint per row; the
        # whole preview still runs in one transaction that is rolled back.
        using_transactions = using_transactions and not dry_run
        return super().import_data_inner(
            dataset, dry_run, raise_errors, using_transactions, *args, **kw
        )

    def before_import_row(self, row, **kwargs):
        for key, value in row.items():
            # Empty spreadsheet cells arrive as None; the text columns store them as "".
            row[key] = "" if value is None else uninert(value)
        super().before_import_row(row, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.message_dict
        # Check the many-to-many values too, so that a bad one is an invalid row, not a crash;
        # the preview shows them from here, as it does not save them.
        instance._import_m2m = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    instance._import_m2m[field.attribute] = field.clean(row, **kwargs)
                except ValueError as exc:
                    errors[field.attribute] = str(exc)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        instance._change_reason = _("Imported from %(file)s") % {
            "file": kwargs.get("file_name") or _("a file")
        }
        super().before_save_instance(instance, row, **kwargs)

    def export_field(self, field, instance, **kwargs):
        return inert(super().export_field(field, instance, **kwargs))

    def written_ids(self, result) -> list:
        """The rows this import stored (none in the preview, which stores nothing)."""
        if getattr(self, "dry_run", False):
            return []
        written = (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE)
        return [row.object_id for row in result.rows if row.import_type in written]

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # Only when the person confirmed they checked every row (a checkbox on the import form).
        # The preview runs in a transaction that is rolled back, so this only sticks on confirm.
        if kwargs.get("mark_verified") and not result.has_validation_errors():
            key = self._meta.import_id_fields[0]
            keys = [row[key] for row in dataset.dict if row.get(key)]
            entries_mark_verified(
                queryset=self._meta.model.objects.filter(**{f"{key}__in": keys}),
                user=kwargs.get("user"),
                reason=_("Verified with an import"),
            )
