"""allauth's links in e-mails (password reset, address confirmation) built from SITE_URL.

allauth builds them from the request, that is from the `Host` header a client sends; with
`ALLOWED_HOSTS` wide or a port added, a reset link could point at another server.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


@dataclass(frozen=True)
class Site:
    """What allauth's e-mail templates call `current_site`, from SITE_URL."""

    domain: str
    name: str = "Welcome Portal"


def on_site(url: str) -> str:
    """The same path, query and fragment under SITE_URL."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.SITE_URL + path + (f"#{parts.fragment}" if parts.fragment else "")


class AccountAdapter(DefaultAccountAdapter):
    def get_reset_password_from_key_url(self, key: str) -> str:
        return on_site(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = Site(domain=urlsplit(settings.SITE_URL).netloc)
        ctx = {"request": self.request, "email": email, **context, "current_site": site}
        self.render_mail(template_prefix, email, ctx).send()
