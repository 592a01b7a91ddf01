"""The outbox in the back office: read-only; the worker sends, the dashboard resends."""

from django.contrib import admin

from accounts.audit import PersonalDataAdminMixin

from .invitation_models import Invitation, OutboxMessage

READ_ONLY = ("attempts", "last_error", "due_at", "claimed_at", "sent_at", "created_at")


@admin.register(Invitation)
class InvitationAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    list_display = ("email", "name", "organisation", "meeting", "language", "status", "attempts")
    list_filter = ("status", "language", "meeting")
    search_fields = ("email", "name", "organisation")
    list_select_related = ("meeting",)
    raw_id_fields = ("center", "partner", "invited_by")
    readonly_fields = ("meeting", "token", "status", "opened_at", "answered_at", *READ_ONLY)

    def has_add_permission(self, request):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(PersonalDataAdminMixin, admin.ModelAdmin):
    list_display = ("email", "kind", "meeting", "status", "attempts", "sent_at")
    list_filter = ("kind", "status", "meeting")
    search_fields = ("email",)
    list_select_related = ("meeting",)
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False
