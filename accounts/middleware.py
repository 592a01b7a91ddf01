from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .permissions import needs_second_factor


def is_protected_view(resolver_match, view_func) -> bool:
    """The admin, and every view that declares `requires_second_factor` (the organizers'
    pages do, through their access mixin)."""
    if "admin" in resolver_match.namespaces:
        return True
    view_class = getattr(view_func, "view_class", view_func)
    return bool(getattr(view_class, "requires_second_factor", False))


class RequireSecondFactorMiddleware:
    """Sends staff and organizers without TOTP to set it up before the admin or a dashboard."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        protected = match and is_protected_view(match, view_func)
        if not (protected and needs_second_factor(request.user)):
            return None
        if Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(request, _("Please set up two-factor authentication before you continue."))
        return redirect("mfa_activate_totp")
