import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group

from accounts import roles
from tests.factories import UserFactory

TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def staff_user(role: str, **kwargs):
    """A staff member of `role` with a TOTP authenticator, as the admin requires."""
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role))
    TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture
def agency_staff(db):
    return staff_user(roles.AGENCY_STAFF, email="staff@example.org")


@pytest.fixture
def staff_client(client, agency_staff):
    client.force_login(agency_staff)
    return client


@pytest.fixture
def center(db):
    from centers.models import Center, State

    return Center.objects.create(
        name="Welcome Center Thuringia",
        slug="welcome-center-thuringia",
        state=State.objects.get(code="DE-TH"),
        city="Erfurt",
    )
