"""The outbox in the back office."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from events.models import Invitation, OutboxMessage
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_agency_staff_see_invitations_and_outgoing_mail_read_only(client):
    meeting = MeetingFactory()
    Invitation.objects.create(
        meeting=meeting,
        email="ada@example.org",
        status="failed",
        last_error="550 No such user here",
    )
    OutboxMessage.objects.create(meeting=meeting, kind="confirmed", email="bea@example.org")
    staff = UserFactory(is_staff=True)
    staff.groups.add(Group.objects.get(name=roles.AGENCY_STAFF))
    TOTP.activate(staff, "JBSWY3DPEHPK3PXP")
    client.force_login(staff)

    for model in ("invitation", "outboxmessage"):
        response = client.get(reverse(f"admin:events_{model}_changelist"))
        assert response.status_code == 200
    assert b"ada@example.org" in client.get(reverse("admin:events_invitation_changelist")).content
    assert client.get(reverse("admin:events_invitation_add")).status_code == 403
