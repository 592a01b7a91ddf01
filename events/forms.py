"""Forms of the public pages and the organizer's dashboard. They validate; services write."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from centers.models import Center
from partners.models import Partner

from .models import AttendanceMode, Registration


def organisation_suggestions() -> list[str]:
    """Names of centers and partners for the organisation field's <datalist> (two queries)."""
    names = set(Center.objects.values_list("name", flat=True))
    names.update(Partner.objects.values_list("name", flat=True))
    return sorted(names)


def link_organisation(name: str) -> dict:
    """The center or partner whose name matches the organisation (case-insensitive), if any."""
    name = name.strip()
    if not name:
        return {"center": None, "partner": None}
    center = Center.objects.filter(name__iexact=name).first()
    partner = None if center else Partner.objects.filter(name__iexact=name).first()
    return {"center": center, "partner": partner}


class ParticipantForm(forms.Form):
    """Name, e-mail, organisation and attendance mode: the organizer's "add participant"."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    organisation = forms.CharField(
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
        offered = [(m, label) for m, label in AttendanceMode.choices if m in meeting.modes]
        self.fields["attendance_mode"].choices = offered
        if len(offered) == 1:
            self.fields["attendance_mode"].initial = offered[0][0]

    def clean(self):
        cleaned = super().clean()
        cleaned.update(link_organisation(cleaned.get("organisation", "")))
        email = cleaned.get("email")
        if email and self.meeting.registrations.filter(email__iexact=email).exists():
            self.add_error("email", _("This e-mail address is already registered."))
        return cleaned


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

    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (on site)"),
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
            "Name, e-mail, organisation, attendance (on_site or online), separated by commas."
        ),
    )
    file = forms.FileField(label=_("or a CSV file"), required=False)

    MAX_BYTES = 1_000_000

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > self.MAX_BYTES:
                raise forms.ValidationError(_("The file is larger than 1 MB."))
            try:
                cleaned["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise forms.ValidationError(_("The file is not a UTF-8 text file.")) from exc
        if not cleaned.get("text", "").strip():
            raise forms.ValidationError(_("Paste participants or choose a CSV file."))
        return cleaned


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, e-mail or organisation"), required=False, max_length=200)
