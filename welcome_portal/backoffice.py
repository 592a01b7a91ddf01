"""What the back office does alike for centers and partners: verification and history.

`BackOfficeAdmin` is a SimpleHistoryAdmin whose history lists, for every change, each field
with its old and new value, who, when and why; a save by staff counts as a verification;
the action "Mark as verified today"; `VerificationFilter` lists the entries to check.
"""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .textinput import PlainTextAdminMixin, PlainTextField
from .verification import entries_mark_verified

EMPTY = "\N{EN DASH}"


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("not verified for 12 months")),
            ("recent", _("verified within 12 months")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "recent":
            return queryset.verified_recently()
        return queryset


class ChangeReasonForm(forms.ModelForm):
    change_reason = PlainTextField(
        label=_("Reason for the change"),
        required=False,
        max_length=100,
        help_text=_("Shown in the history, e.g. “new phone number, as the center wrote”."),
    )


class ReadableChanges(HistoricalRecordContextHelper):
    """Old and new values as people read them: choice labels, names, yes/no, dates."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value in (None, ""):
            return EMPTY
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return gettext("yes") if value else gettext("no")
        if hasattr(value, "isoformat"):
            return localize(value)
        return super().prepare_delta_change_value(change, value)


class BackOfficeAdmin(PlainTextAdminMixin, SimpleHistoryAdmin):
    """For directory entries with `last_verified_at` and `verified_by`."""

    form = ChangeReasonForm
    object_history_list_template = "admin/backoffice/history_list.html"
    actions = ("mark_verified",)
    reason_fieldset = (_("Reason for the change"), {"fields": ("change_reason",)})

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), self.reason_fieldset]

    def save_model(self, request, obj, form, change):
        # Staff looked at the whole entry and saved it: that is a verification.
        obj.last_verified_at = timezone.now()
        obj.verified_by = request.user
        reason = form.cleaned_data.get("change_reason", "")
        obj._change_reason = reason or gettext("Saved in the back office")
        super().save_model(request, obj, form, change)

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    @admin.action(description=_("Mark as verified today"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = entries_mark_verified(
            queryset=queryset, user=request.user, reason=gettext("Marked as verified")
        )
        message = ngettext(
            "%(count)d entry marked as verified.", "%(count)d entries marked as verified.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
