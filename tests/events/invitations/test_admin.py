"""The outbox in the back office."""

import pytest
from django.urls import reverse

from events.models import Invitation, OutboxMessage
from tests.factories import MeetingFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_agency_staff_see_invitations_and_outgoing_mail_read_only(client):
    meeting = MeetingFactory()
    invitation = Invitation.objects.create(
        meeting=meeting,
        email="ada@example.org",
        status="failed",
        last_error="550 No such user here",
    )
    message = OutboxMessage.objects.create(
        meeting=meeting, kind="confirmed", email="bea@example.org"
    )
    client.force_login(StaffFactory())

    for model in ("invitation", "outboxmessage"):
        response = client.get(reverse(f"admin:events_{model}_changelist"))
        assert response.status_code == 200
    assert b"ada@example.org" in client.get(reverse("admin:events_invitation_changelist")).content
    assert client.get(reverse("admin:events_invitation_add")).status_code == 403
    page = client.get(reverse("admin:events_outboxmessage_change", args=[message.pk]))
    assert page.status_code == 200
    assert 'name="email"' not in page.content.decode()
    assert "bea@example.org" in page.content.decode()
    change = reverse("admin:events_invitation_change", args=[invitation.pk])
    assert 'name="status"' not in client.get(change).content.decode()
    client.post(change, {"status": "sent", "email": "ada@example.org", "meeting": meeting.pk})
    invitation.refresh_from_db()
    assert invitation.status == "failed"
