from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from welcome_portal.textinput import PlainTextAdminMixin

from .models import PersonalDataAccess, User
from .services import user_invite, user_send_invitation


class UserInviteForm(forms.ModelForm):
    """Staff give the address (and name); the person sets the password from the e-mail."""

    class Meta:
        model = User
        fields = ("email", "name")


@admin.register(User)
class UserAdmin(PlainTextAdminMixin, BaseUserAdmin):
    add_form = UserInviteForm
    ordering = ("email",)
    list_display = ("email", "name", "is_staff", "is_active", "last_login")
    search_fields = ("email", "name")
    actions = ("send_invitation",)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name",)}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "fields": ("email", "name"),
                "description": _(
                    "The person receives an e-mail with a link to set their own password."
                ),
            },
        ),
    )

    def get_queryset(self, request):
        users = super().get_queryset(request)
        # Agency staff keep other people's accounts, never a superuser's.
        return users if request.user.is_superuser else users.filter(is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return readonly
        return (*readonly, "is_superuser", "user_permissions", "last_login", "date_joined")

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            user_invite(email=obj.email, user=obj)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _("The set-password link was sent to %(email)s.") % {"email": obj.email},
            messages.SUCCESS,
        )
        return super().response_add(request, obj, post_url_continue)

    @admin.action(description=_("Send the set-password link again"), permissions=["change"])
    def send_invitation(self, request, queryset):
        users = list(queryset)
        for user in users:
            user_send_invitation(user=user)
        message = ngettext(
            "The set-password link was sent to %(count)d person.",
            "The set-password link was sent to %(count)d people.",
            len(users),
        )
        self.message_user(request, message % {"count": len(users)}, messages.SUCCESS)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(PlainTextAdminMixin, admin.ModelAdmin):
    list_display = ("at", "user", "action", "model", "object_id")
    list_filter = ("action", "model")
    search_fields = ("user__email", "object_id", "path")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
