"""The agency staff's back office for partners."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter

from welcome_portal.backoffice import BackOfficeAdmin, VerificationFilter
from welcome_portal.import_admin import DirectoryImportExportMixin
from welcome_portal.textinput import PlainTextAdminMixin

from .dashboard import dashboard_context
from .models import ContactPerson, Cooperation, Partner, PartnerKind, Topic
from .resources import PartnerResource
from .services import partners_mark_inactive


class CooperationInline(PlainTextAdminMixin, admin.TabularInline):
    model = Cooperation
    extra = 0
    autocomplete_fields = ("center",)
    fields = ("center", "kind", "since", "note")


class ContactPersonInline(PlainTextAdminMixin, admin.StackedInline):
    model = ContactPerson
    extra = 0
    fields = (("name", "role"), ("email", "phone"), "publication_consent")


@admin.register(Partner)
class PartnerAdmin(DirectoryImportExportMixin, BackOfficeAdmin):
    resource_classes = [PartnerResource]
    change_list_template = "admin/partners/partner/change_list.html"
    list_display = ("name", "kind", "country", "city", "status", "last_verified_at", "verified_by")
    list_filter = ("kind", ("country", CountryFilter), "topics", "status", VerificationFilter)
    list_select_related = ("kind", "verified_by")
    search_fields = ("name", "name_en", "short_name", "short_name_en", "slug", "city", "email")
    autocomplete_fields = ("parent",)
    filter_horizontal = ("topics",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("last_verified_at", "verified_by")
    inlines = (CooperationInline, ContactPersonInline)
    actions = ("mark_verified", "mark_inactive")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (
            None,
            {
                "fields": (
                    ("name", "name_en"),
                    ("short_name", "short_name_en"),
                    "slug",
                    "kind",
                    "parent",
                    "location_type",
                    "status",
                )
            },
        ),
        (
            _("Place"),
            {"fields": ("country", ("city", "city_en"), "address", ("latitude", "longitude"))},
        ),
        (_("Contact"), {"fields": ("website", "email", "phone")}),
        (_("Description"), {"fields": ("description_de", "description_en", "topics")}),
        (_("Verification"), {"fields": ("last_verified_at", "verified_by")}),
    )

    @admin.action(description=_("Mark as inactive"), permissions=["change"])
    def mark_inactive(self, request, queryset):
        count = partners_mark_inactive(partners=queryset, user=request.user)
        message = ngettext(
            "%(count)d partner marked as inactive.",
            "%(count)d partners marked as inactive.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def get_urls(self):
        dashboard = self.admin_site.admin_view(self.dashboard_view)
        return [
            path("dashboard/", dashboard, name="partners_partner_dashboard"),
            *super().get_urls(),
        ]

    def dashboard_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Check these first"),
            **dashboard_context(with_centers=request.user.has_perm("centers.view_center")),
        }
        return TemplateResponse(request, "admin/partners/partner/dashboard.html", context)


@admin.register(PartnerKind)
class PartnerKindAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("name_de", "name_en", "slug")
    search_fields = ("name_de", "name_en", "slug")


@admin.register(Topic)
class TopicAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("name_de", "name_en", "slug")
    search_fields = ("name_de", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
