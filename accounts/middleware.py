from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .permissions import needs_second_factor


def is_protected_view(resolver_match) -> bool:
    """The admin and the organizers' dashboards (URL names starting with "manage")."""
    if "admin" in resolver_match.namespaces:
        return True
    return "events" in resolver_match.namespaces and (resolver_match.url_name or "").startswith(
        "manage"
    )


class RequireSecondFactorMiddleware:
    """Sends staff and organizers without TOTP to set it up before the admin or a dashboard."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not (match and is_protected_view(match) and needs_second_factor(request.user)):
            return None
        if Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(request, _("Please set up two-factor authentication before you continue."))
        return redirect("mfa_activate_totp")
