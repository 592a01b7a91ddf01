"""Forms of the invitations: whom to invite, and the invitee's answer."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from centers.models import Center
from partners.models import GOETHE_INSTITUT, Partner

from . import invitation_sources as sources
from .models import AttendanceMode

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class InviteForm(forms.Form):
    """Collects invitees from a list and the directories; `invitees` holds them, marked."""

    text = forms.CharField(
        label=_("List of people"),
        help_text=_("One per line: name, e-mail, organisation, language (de or en)."),
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

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["centers"].queryset = sources.active_centers().exclude(email="")
        self.fields["partners"].queryset = Partner.objects.active().exclude(email="")
        codes = set(
            Partner.objects.active()
            .filter(kind__slug=GOETHE_INSTITUT)
            .values_list("country", flat=True)
        )
        self.fields["goethe_countries"].choices = [(c, n) for c, n in countries if c in codes]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return ""
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Please save the file as UTF-8 CSV.")) from None

    def clean(self):
        data = super().clean()
        text = "\n".join(filter(None, [data.get("text", ""), data.get("upload", "")]))
        invitees, errors = sources.parse_list(text)
        if errors:
            raise forms.ValidationError(errors)
        if data.get("all_centers"):
            invitees += sources.from_centers(sources.active_centers())
        if data.get("goethe_countries"):
            invitees += sources.from_partners(sources.goethe_branches(data["goethe_countries"]))
        if data.get("last_year"):
            invitees += sources.last_years_attendees(self.meeting)
        if data.get("centers"):
            invitees += sources.from_centers(data["centers"])
        if data.get("partners"):
            invitees += sources.from_partners(data["partners"])
        if not invitees:
            raise forms.ValidationError(_("Please name at least one person to invite."))
        # The preview re-posts the list as text, so an upload need not be chosen again.
        data["text"] = text
        self.invitees = sources.mark(self.meeting, invitees)
        return data


class AcceptForm(forms.Form):
    """Registration through a personal invitation: the e-mail address is the invited one."""

    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    attendance_mode = forms.ChoiceField(label=_("I take part"), widget=forms.RadioSelect)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (on site)"),
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
