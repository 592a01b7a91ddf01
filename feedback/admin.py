from django.contrib import admin

from welcome_portal.textinput import PlainTextAdminMixin

from .models import BarrierReport


@admin.register(BarrierReport)
class BarrierReportAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    """Reports are evidence of what a visitor met: read, not edited."""

    list_display = ("created_at", "page", "language", "email", "mailed_at")
    list_filter = ("language",)
    search_fields = ("description", "page", "email")
    readonly_fields = ("description", "page", "email", "language", "created_at", "mailed_at")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
