from django import forms
from django.utils.translation import gettext_lazy as _

from welcome_portal.textinput import PlainTextField


class BarrierReportForm(forms.Form):
    description = PlainTextField(
        label=_("What did not work for you?"),
        help_text=_(
            "For example: which part of the page, what you wanted to do, and which assistive "
            "technology you use."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    page = PlainTextField(
        label=_("On which page?"),
        help_text=_("The address or the title of the page."),
        max_length=500,
        required=False,
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Only if you would like an answer. We use it for nothing else."),
        required=False,
    )
    # A field that people never see (hidden by CSS, skipped by the keyboard); bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
