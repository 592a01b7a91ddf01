"""allauth, the portal's way: accounts by invitation only, links built from SITE_URL."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse


def site_url(path: str) -> str:
    """An absolute link from SITE_URL, never from the request's Host header."""
    return settings.SITE_URL + path


def set_password_path(key: str) -> str:
    """The path of allauth's "set a new password" page for a `uidb36-token` key."""
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    return path.replace("UID-KEY", key)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Agency staff create accounts in the admin; nobody signs up on their own.
        return False

    def get_reset_password_from_key_url(self, key):
        return site_url(set_password_path(key))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return site_url(reverse("account_confirm_email", args=[emailconfirmation.key]))
