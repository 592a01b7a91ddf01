"""Writes on accounts: staff invite a person, who sets their own password from the e-mail."""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from .adapter import set_password_path, site_url
from .models import User


def set_password_link(user: User) -> str:
    """A one-time link (allauth's password reset token) to the page where `user` sets a password."""
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    return site_url(set_password_path(key))


def user_send_invitation(*, user: User) -> None:
    """E-mail `user` the link to set their password (German and English in one message)."""
    context = {"user": user, "link": set_password_link(user), "site_url": settings.SITE_URL}
    subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
    body = render_to_string("accounts/email/invitation_message.txt", context)
    send_mail(subject, body, None, [user.email])


def user_invite(*, email: str, name: str = "", user: User | None = None) -> User:
    """Create an account without a password (or take the unsaved `user` the admin built),
    its e-mail address verified, and send the set-password link once the account is stored.
    """
    with transaction.atomic():
        user = user or User(email=email, name=name)
        user.email = User.objects.normalize_email(email or user.email)
        user.set_unusable_password()
        user.save()
        # The link goes to this address only, so whoever sets the password owns the address.
        EmailAddress.objects.update_or_create(
            user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
        )
        transaction.on_commit(lambda: user_send_invitation(user=user))
    return user
