"""Demo accounts for seed_demo (idempotent)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group

from . import roles
from .models import User

DEMO_ACCOUNTS = {
    "staff@example.org": {
        "name": "Demo Agency Staff",
        "is_staff": True,
        "group": roles.AGENCY_STAFF,
        "second_factor": True,
    },
    "editor@example.org": {"name": "Demo Center Editor", "group": roles.CENTER_EDITORS},
    "organizer@example.org": {
        "name": "Demo Organizer",
        "group": roles.ORGANIZERS,
        "second_factor": True,
    },
}


def seed_accounts() -> dict[str, User]:
    """Create or refresh the three demo accounts with a verified e-mail address."""
    users = {}
    for email, spec in DEMO_ACCOUNTS.items():
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={"name": spec["name"], "is_staff": spec.get("is_staff", False)},
        )
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=spec["group"]))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if spec.get("second_factor"):
            _give_demo_authenticator(user)
        users[email] = user
    return users


def _give_demo_authenticator(user) -> None:
    """A TOTP authenticator with DEMO_TOTP_SECRET, so that demos and browser tests can log in."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, settings.DEMO_TOTP_SECRET)
    RecoveryCodes.activate(user)
