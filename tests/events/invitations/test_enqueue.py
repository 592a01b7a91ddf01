"""Enqueueing after commit, against a real Redis (no worker needed)."""

import base64
import json
from datetime import timedelta

import pytest
import redis
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from events import tasks
from events.models import Invitation, OutboxMessage
from events.outbox import delivery, recovery
from events.services import invitation_create_many, kick_key, registration_create
from events.services.invitees import Invitee
from tests.factories import InvitationFactory, MeetingFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def queued(broker) -> int:
    return redis.Redis.from_url(broker.url).llen("celery")


def register(meeting, n: int):
    return registration_create(
        meeting=meeting,
        name=f"Person {n}",
        email=f"person{n}@example.org",
        attendance_mode="on_site",
        privacy_consent=True,
    )


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


def test_a_rush_of_registrations_queues_one_wake_up_that_finds_every_notice(broker):
    meeting = MeetingFactory(onsite_seats=5)
    for n in range(12):
        register(meeting, n)

    assert queued(broker) == 1  # not twelve: the first task has not looked yet
    tasks.send_new_rows("message")  # as the worker runs it: it fans the notices out
    assert queued(broker) == 2  # + one batch
    batch = redis.Redis.from_url(broker.url).lindex("celery", 0)
    notices = list(OutboxMessage.objects.order_by("pk").values_list("pk", flat=True))
    assert len(notices) == 12
    args, _kwargs, _embed = json.loads(base64.b64decode(json.loads(batch)["body"]))
    assert args == ["message", notices]


def test_a_registration_after_the_wake_up_looked_queues_another(broker):
    meeting = MeetingFactory()
    register(meeting, 1)
    tasks.send_new_rows("message")
    before = queued(broker)

    register(meeting, 2)

    assert queued(broker) == before + 1


def test_with_the_broker_down_the_next_registration_tries_it_again(broker):
    meeting = MeetingFactory()
    broker.stop()
    register(meeting, 1)  # no error: the notice waits in the outbox
    assert cache.get(kick_key("message")) is None
    broker.start()

    register(meeting, 2)

    assert queued(broker) == 1


def test_a_row_waiting_for_its_retry_is_not_woken_early(db):
    new = InvitationFactory()
    retrying = InvitationFactory(attempts=1)

    assert delivery.untried("invitation") == [new.pk]
    assert retrying.status == "pending"
