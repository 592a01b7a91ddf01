"""Enqueueing after commit, against a real Redis (no worker needed)."""

from datetime import timedelta

import pytest
import redis
from django.db import transaction
from django.utils import timezone

from events.models import Invitation
from events.outbox import recovery
from events.services import invitation_create_many
from events.services.invitees import Invitee
from tests.factories import InvitationFactory, MeetingFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def queued(broker) -> int:
    return redis.Redis.from_url(broker.url).llen("celery")


def test_committed_invitations_are_enqueued_once(broker):
    invitation_create_many(meeting=MeetingFactory(), invitees=[Invitee("a@example.org")])

    assert queued(broker) == 1


def invite_then_fail(meeting):
    with transaction.atomic():
        invitation_create_many(meeting=meeting, invitees=[Invitee("a@example.org")])
        raise RuntimeError("the organizer's request failed later")


def test_rolled_back_transaction_enqueues_nothing(broker):
    meeting = MeetingFactory()

    with pytest.raises(RuntimeError):
        invite_then_fail(meeting)

    assert not Invitation.objects.exists()
    assert queued(broker) == 0


def test_sweep_hands_out_again_a_pending_row_whose_task_was_lost_within_a_minute(db):
    lost = InvitationFactory()
    fresh = InvitationFactory()
    now = timezone.now()
    Invitation.objects.filter(pk=lost.pk).update(due_at=now - timedelta(seconds=30))
    Invitation.objects.filter(pk=fresh.pk).update(due_at=now - timedelta(seconds=5))
    assert recovery.sweep() == {"invitation": [lost.pk]}  # stuck_after stays five minutes
