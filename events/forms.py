"""Forms of the public pages and the organizer's dashboard. They validate; services write."""

from django import forms
from django.conf import settings
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from centers.models import Center
from partners.models import GOETHE_INSTITUT, Partner
from welcome_portal.textinput import PlainTextField, SearchInput

from .models import AttendanceMode, Registration
from .models.registrations import ACCESSIBILITY_NEEDS_LENGTH
from .services import invitees as sources
from .services.people_lists import MAX_EMAIL, read_upload
from .services.registrations import ALREADY_REGISTERED


def mode_choices(meeting) -> list[tuple[str, str]]:
    """Each offered mode, saying whether seats are left or only the waiting list."""
    choices = []
    for row in meeting.seat_table():
        if row["left"] is None:
            label = row["label"]
        elif row["left"] == 0:
            label = _("%(mode)s: fully booked, you join the waiting list") % {"mode": row["label"]}
        else:
            label = ngettext(
                "%(mode)s: %(left)d seat left", "%(mode)s: %(left)d seats left", row["left"]
            ) % {"mode": row["label"], "left": row["left"]}
        choices.append((row["mode"], label))
    return choices


class ParticipantForm(forms.Form):
    """Name, e-mail, organisation and attendance mode: the organizer's "add participant"."""

    name = PlainTextField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=MAX_EMAIL)
    organisation = PlainTextField(
        label=_("Organisation"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"list": "organisation-suggestions", "autocomplete": "off"}),
        help_text=_("Start typing to choose a Welcome Center or partner."),
    )
    attendance_mode = forms.ChoiceField(
        label=_("Attendance"), choices=AttendanceMode.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        field = self.fields["attendance_mode"]
        # Validation needs only the offered modes; the labels with the seats left cost a query
        # and are read only when the form is rendered (not for a valid POST).
        field.choices = [(mode, AttendanceMode(mode).label) for mode in meeting.modes]
        field.widget.choices = CallableChoiceIterator(lambda: mode_choices(meeting))
        if len(meeting.modes) == 1:
            field.initial = meeting.modes[0]

    def add_registration_error(self, error) -> None:
        """Show a RegistrationError from the services: at the e-mail field when the address
        is registered already (the services tell, in the query or the insert they make
        anyway), above the form otherwise."""
        self.add_error("email" if error.code == ALREADY_REGISTERED else None, error)


class AddParticipantForm(ParticipantForm):
    """The organizer's "add participant": also the language of the person's e-mails."""

    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or "de")[:2]


class RegistrationForm(ParticipantForm):
    """The public registration form."""

    accessibility_needs = PlainTextField(
        label=_("Accessibility needs (on site)"),
        max_length=ACCESSIBILITY_NEEDS_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example step-free access, sign language interpreting."),
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree that my data are processed for this meeting, as the privacy notice says."),
        error_messages={"required": _("Please agree to the privacy notice.")},
    )
    listing_consent = forms.BooleanField(
        label=_("My name and organisation may appear on the list of participants."),
        required=False,
    )
    # A honeypot: hidden from everyone (screen readers too); only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Please leave this field empty."))
        return ""


class ResendLinkForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=MAX_EMAIL)


class BadgesForm(forms.Form):
    mode = forms.ChoiceField(label=_("Participants"), required=False)
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=[("sheet", _("Eight badges on each A4 sheet")), ("single", _("One badge a page"))],
        initial="sheet",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [("", _("all confirmed")), *mode_labels(meeting)]


def mode_labels(meeting) -> list[tuple[str, str]]:
    return [(m, label) for m, label in AttendanceMode.choices if m in meeting.modes]


class ModeSwitchForm(forms.Form):
    attendance_mode = forms.ChoiceField(
        label=_("Attendance"), choices=AttendanceMode.choices, widget=forms.RadioSelect
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Registration.Status.choices)


class ImportForm(forms.Form):
    """Many participants at once: pasted lines or an uploaded CSV file."""

    text = forms.CharField(
        label=_("Participants, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Name, e-mail, organisation, attendance (on_site or online), separated by commas, "
            "semicolons or tabs."
        ),
    )
    file = forms.FileField(label=_("or a CSV file"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file"):
            cleaned["text"] = read_upload(cleaned["file"])
        if not cleaned.get("text", "").strip():
            raise forms.ValidationError(_("Paste participants or choose a CSV file."))
        return cleaned


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, e-mail or organisation"), max_length=200, widget=SearchInput)


def _directory_label(entry) -> str:
    if entry.email:
        return str(entry)
    return _("%(name)s (no e-mail address)") % {"name": entry}


class InviteForm(forms.Form):
    """Collects invitees from a list and the directories; `invitees` holds them, marked."""

    text = forms.CharField(
        label=_("List of people"),
        help_text=_(
            "One per line: name, e-mail, organisation, language (de or en), separated by "
            "commas, semicolons or tabs."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    upload = forms.FileField(
        label=_("… or a CSV file with the same columns"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    all_centers = forms.BooleanField(label=_("All active Welcome Centers"), required=False)
    goethe_countries = forms.MultipleChoiceField(
        label=_("Goethe-Institut branches in these countries"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    last_year = forms.BooleanField(
        label=_("Everyone who attended last year's meeting"), required=False
    )
    centers = forms.ModelMultipleChoiceField(
        label=_("Selected Welcome Centers"),
        queryset=Center.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Selected partners"),
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, meeting, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.user = user
        # Entries without an e-mail address can be chosen: the preview names them.
        self.fields["centers"].queryset = sources.active_centers()
        self.fields["partners"].queryset = Partner.objects.active()
        for name in ("centers", "partners"):
            self.fields[name].label_from_instance = _directory_label
        codes = set(
            Partner.objects.active()
            .filter(kind__slug=GOETHE_INSTITUT)
            .values_list("country", flat=True)
        )
        self.fields["goethe_countries"].choices = [(c, n) for c, n in countries if c in codes]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return read_upload(upload) if upload else ""

    def clean(self):
        data = super().clean()
        text = "\n".join(filter(None, [data.get("text", ""), data.get("upload", "")]))
        invitees, errors = sources.parse_list(text)
        if errors:
            raise forms.ValidationError(errors)
        found = sources.Found(invitees)
        if data.get("all_centers"):
            found += sources.from_centers(sources.active_centers())
        if data.get("goethe_countries"):
            found += sources.from_partners(sources.goethe_branches(data["goethe_countries"]))
        if data.get("last_year"):
            found += sources.Found(sources.last_years_attendees(self.meeting, self.user))
        if data.get("centers"):
            found += sources.from_centers(data["centers"])
        if data.get("partners"):
            found += sources.from_partners(data["partners"])
        if not found.invitees and not found.unreachable:
            raise forms.ValidationError(_("Please name at least one person to invite."))
        # The preview re-posts the list as text, so an upload need not be chosen again.
        data["text"] = text
        self.invitees = sources.mark(self.meeting, found.invitees)
        self.unreachable = found.unreachable
        self.new_count = sum(not invitee.skipped for invitee in self.invitees)
        return data


class AcceptForm(forms.Form):
    """Registration through a personal invitation: the e-mail address is the invited one."""

    name = PlainTextField(label=_("Name"), max_length=200)
    organisation = PlainTextField(label=_("Organisation"), max_length=300, required=False)
    attendance_mode = forms.ChoiceField(label=_("I take part"), widget=forms.RadioSelect)
    accessibility_needs = PlainTextField(
        label=_("Accessibility needs (on site)"),
        max_length=ACCESSIBILITY_NEEDS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    privacy_consent = forms.BooleanField(label=_("I agree to the privacy notice."))
    listing_consent = forms.BooleanField(
        label=_("I may appear on the participant list."), required=False
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        modes = dict(AttendanceMode.choices)
        self.fields["attendance_mode"].choices = [(m, modes[m]) for m in meeting.modes]
        if len(meeting.modes) == 1:
            self.fields["attendance_mode"].initial = meeting.modes[0]
