"""allauth, the portal's way: accounts by invitation only, and every link in its e-mails
(password reset, set-password, address confirmation) built from SITE_URL.

allauth builds links from the request, that is from the `Host` header a client sends; with
`ALLOWED_HOSTS` wide or a port added, a reset link could point at another server.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.mixins import AccessMixin
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language_from_path

from .tools import tools_for


@dataclass(frozen=True)
class Site:
    """What allauth's e-mail templates call `current_site`, from SITE_URL."""

    domain: str
    name: str = "Welcome Portal"


def site_url(path: str) -> str:
    """An absolute link from SITE_URL, never from the request's Host header."""
    return settings.SITE_URL + path


def set_password_path(key: str) -> str:
    """The path of allauth's "set a new password" page for a `uidb36-token` key."""
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    return path.replace("UID-KEY", key)


def is_public_page(url: str) -> bool:
    """Whether `url` is a page in a language that anyone may see (no login needed)."""
    path = urlsplit(url).path
    if not get_language_from_path(path):
        return False
    try:
        view = resolve(path).func
    except Resolver404:
        return False
    view = getattr(view, "view_class", view)
    return not (isinstance(view, type) and issubclass(view, AccessMixin))


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Agency staff create accounts in the admin; nobody signs up on their own.
        return False

    def is_safe_url(self, url):
        """A `next` worth following: a safe one that needs the login. The header's "Log in"
        gives the public page it is on for its language only (welcome_portal/page_language);
        after logging in people land on their tool, in that language."""
        return super().is_safe_url(url) and not is_public_page(url)

    def get_login_redirect_url(self, request):
        """After logging in, each lands on their tool (organizers on their dashboard, staff in
        the back office, editors on their center's form); others on the usual page."""
        tools = tools_for(request.user)
        return tools[0]["url"] if tools else super().get_login_redirect_url(request)

    def get_reset_password_from_key_url(self, key):
        return site_url(set_password_path(key))

    def get_email_confirmation_url(self, request, emailconfirmation):
        return site_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = Site(domain=urlsplit(settings.SITE_URL).netloc)
        ctx = {"request": self.request, "email": email, **context, "current_site": site}
        self.render_mail(template_prefix, email, ctx).send()
