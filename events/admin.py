import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.audit import PersonalDataAdminMixin, record_access
from welcome_portal.textinput import PlainTextAdminMixin

from .exports import own_data
from .models import Invitation, Meeting, OutboxMessage, Registration, Session, Speaker
from .services import registration_erase


class SessionInline(PlainTextAdminMixin, admin.TabularInline):
    model = Session
    extra = 0
    fields = ("day", "starts", "ends", "title_de", "title_en", "kind", "room", "speakers")
    autocomplete_fields = ("speakers",)


@admin.register(Meeting)
class MeetingAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("title_de", "year", "kind", "format", "status", "starts_at")
    list_filter = ("status", "kind", "format", "year")
    search_fields = ("title_de", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    raw_id_fields = ("host_center",)
    filter_horizontal = ("organizers",)
    readonly_fields = ("personal_data_purged_at", "created_at", "updated_at")
    inlines = [SessionInline]
    fieldsets = (
        (None, {"fields": ("title_de", "title_en", "slug", "kind", "year", "status")}),
        (
            _("Place and time"),
            {"fields": ("host_center", "format", "venue", "online_link", "starts_at", "ends_at")},
        ),
        (
            _("Registration"),
            {
                "fields": (
                    "registration_mode",
                    "registration_opens_at",
                    "registration_closes_at",
                    "onsite_seats",
                    "online_seats",
                    "organizers",
                )
            },
        ),
        (_("Texts"), {"fields": ("description_de", "description_en")}),
        (
            _("Privacy"),
            {"fields": ("retention_days", "personal_data_purged_at", "created_at", "updated_at")},
        ),
    )


@admin.register(Speaker)
class SpeakerAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("name", "organisation", "role_de")
    search_fields = ("name", "organisation")
    raw_id_fields = ("partner",)


@admin.register(Session)
class SessionAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("title_de", "meeting", "day", "starts", "kind")
    list_filter = ("kind", "meeting")
    search_fields = ("title_de", "title_en")
    autocomplete_fields = ("speakers",)
    raw_id_fields = ("topics",)
    list_select_related = ("meeting",)


@admin.register(Registration)
class RegistrationAdmin(PersonalDataAdminMixin, PlainTextAdminMixin, admin.ModelAdmin):
    """Status changes belong on the organizer's dashboard, where the capacity rules apply.

    Data subjects' requests are answered here: "export personal data" (Art. 15/20 DSGVO) and
    "erase personal data" (Art. 17), each logged like every look at the list or a record.
    """

    list_display = ("name", "email", "meeting", "attendance_mode", "status", "waitlist_position")
    list_filter = ("status", "attendance_mode", "meeting")
    search_fields = ("name", "email", "organisation")
    list_select_related = ("meeting",)
    raw_id_fields = ("center", "partner")
    readonly_fields = (
        "meeting",
        "status",
        "waitlist_position",
        "token",
        "privacy_consent_at",
        "privacy_consent_version",
        "listing_consent_at",
        "listing_consent_version",
        "registered_by",
        "attended_at",
        "anonymised_at",
        "created_at",
        "updated_at",
    )

    actions = ("export_personal_data", "erase_personal_data")

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Export personal data (JSON)"), permissions=["view"])
    def export_personal_data(self, request, queryset):
        record_access(request, model=Registration, action="export")
        data = [own_data(registration) for registration in queryset.select_related("meeting")]
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response

    @admin.action(description=_("Erase personal data"), permissions=["delete"])
    def erase_personal_data(self, request, queryset):
        record_access(request, model=Registration, action="erase")
        erased = 0
        for registration in queryset.filter(anonymised_at__isnull=True):
            registration_erase(registration=registration)
            erased += 1
        self.message_user(
            request,
            ngettext("%(count)d registration erased.", "%(count)d registrations erased.", erased)
            % {"count": erased},
            messages.SUCCESS,
        )


# The outbox in the back office: read-only; the worker sends, the dashboard resends.
READ_ONLY = (
    "attempts",
    "last_error",
    "due_at",
    "claimed_at",
    "claimed_by",
    "sent_at",
    "created_at",
)


@admin.register(Invitation)
class InvitationAdmin(PersonalDataAdminMixin, PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("email", "name", "organisation", "meeting", "language", "status", "attempts")
    list_filter = ("status", "language", "meeting")
    search_fields = ("email", "name", "organisation")
    list_select_related = ("meeting",)
    raw_id_fields = ("center", "partner", "invited_by")
    readonly_fields = ("meeting", "token", "status", "opened_at", "answered_at", *READ_ONLY)

    def has_add_permission(self, request):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(PersonalDataAdminMixin, PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("email", "kind", "meeting", "status", "attempts", "sent_at")
    list_filter = ("kind", "status", "meeting")
    search_fields = ("email",)
    list_select_related = ("meeting",)
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False
