from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from welcome_portal.backoffice import BackOfficeAdmin, VerificationFilter
from welcome_portal.import_admin import DirectoryImportExportMixin
from welcome_portal.textinput import PlainTextAdminMixin

from .hours_forms import ClosureAdminForm, ClosureAdminFormSet, WeekFormSet
from .models import Center, Closure, ContactPerson, Language, OpeningHours, Service, State
from .resources import CenterResource
from .services import center_reindex


class OpeningHoursInline(PlainTextAdminMixin, admin.TabularInline):
    """The same week grid as the editor's form: one row per day with one or two ranges."""

    model = OpeningHours
    template = "admin/centers/center/week_inline.html"
    view_on_site = False
    fields = ["opens_1", "closes_1", "opens_2", "closes_2", "note_de", "note_en"]

    class Media:
        css = {"all": ["centers/hours.css"]}
        js = ["centers/hours.js"]

    def get_formset(self, request, obj=None, **kwargs):
        return WeekFormSet


class ClosureInline(PlainTextAdminMixin, admin.TabularInline):
    model = Closure
    form = ClosureAdminForm
    formset = ClosureAdminFormSet
    extra = 0


class ContactPersonInline(PlainTextAdminMixin, admin.StackedInline):
    model = ContactPerson
    extra = 0
    fields = ["name", ("role_de", "role_en"), ("email", "phone"), "publication_consent"]


class ReindexCentersMixin:
    """Names of states, services and languages are part of the centers' search text."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            center_reindex(center_ids=obj.centers.values_list("pk", flat=True))


@admin.register(State)
class StateAdmin(ReindexCentersMixin, PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name_de", "name_en"]
    search_fields = ["code", "name_de", "name_en"]


@admin.register(Service)
class ServiceAdmin(ReindexCentersMixin, PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ["name_de", "name_en", "slug"]
    search_fields = ["slug", "name_de", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Language)
class LanguageAdmin(ReindexCentersMixin, PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name_de", "name_en"]
    search_fields = ["code", "name_de", "name_en"]


@admin.register(Center)
class CenterAdmin(DirectoryImportExportMixin, BackOfficeAdmin):
    resource_classes = [CenterResource]
    list_display = ["name", "state", "kind", "city", "status", "last_verified_at", "verified_by"]
    list_filter = ["state", "kind", "status", VerificationFilter, "services"]
    list_select_related = ["state", "verified_by"]
    search_fields = ["name", "name_en", "city", "postal_code", "host_organisation", "email"]
    autocomplete_fields = ["state", "served_states", "services", "languages", "editors"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["last_verified_at", "verified_by"]
    inlines = [OpeningHoursInline, ClosureInline, ContactPersonInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("name", "name_en"),
                    ("short_name", "short_name_en"),
                    "slug",
                    "kind",
                    "state",
                    "status",
                ]
            },
        ),
        (
            _("Region served"),
            {
                "fields": [
                    "region_served_de",
                    "region_served_en",
                    "served_states",
                    "served_districts",
                ]
            },
        ),
        (
            _("Address and contact"),
            {
                "fields": [
                    "host_organisation",
                    "street",
                    ("postal_code", "city"),
                    ("latitude", "longitude"),
                    "website",
                    "email",
                    "phone",
                ]
            },
        ),
        (
            _("Offer"),
            {
                "fields": [
                    "description_de",
                    "description_en",
                    "services",
                    "languages",
                    ("offers_in_person", "offers_phone", "offers_video", "offers_email"),
                    "target_groups_de",
                    "target_groups_en",
                ]
            },
        ),
        (
            _("Accessibility"),
            {"fields": ["step_free_access", "accessibility_de", "accessibility_en"]},
        ),
        (_("Editors"), {"fields": ["editors"]}),
        (_("Verification"), {"fields": ["last_verified_at", "verified_by"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        center_reindex(center_ids=[form.instance.pk])
