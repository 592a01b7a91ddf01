"""Whose claims the sweep releases: the dead holder's, never a live one's (no worker needed)."""

from datetime import timedelta

import pytest
from django.db.models.functions import Now
from django.utils import timezone

from events.models import Invitation, OutboxWorker
from events.outbox import delivery, recovery
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db

ALIVE = "worker1@host:100:101"
DEAD = "worker2@host:200:201"


def beating(name: str, seconds_ago: float) -> None:
    OutboxWorker.objects.create(
        name=name,
        started_at=Now() - timedelta(hours=1),
        seen_at=Now() - timedelta(seconds=seconds_ago),
    )


def held(by: str, seconds_ago: float = 1) -> Invitation:
    invitation = InvitationFactory()
    claimed_at = timezone.now() - timedelta(seconds=seconds_ago)
    Invitation.objects.filter(pk=invitation.pk).update(
        status="sending", claimed_by=by, claimed_at=claimed_at
    )
    return invitation


def released() -> list[int]:
    return recovery.sweep().get("invitation", [])


def test_row_of_a_holder_that_stopped_beating_goes_back_to_pending_at_once(settings):
    settings.OUTBOX_WORKER_GONE_AFTER = 20
    beating(DEAD, seconds_ago=21)
    row = held(by=DEAD, seconds_ago=2)  # claimed a moment ago: the claim's age does not matter

    assert released() == [row.pk]
    row.refresh_from_db()
    assert row.status == "pending"


def test_row_of_a_holder_that_still_beats_is_kept_however_old_the_claim(settings):
    settings.OUTBOX_WORKER_GONE_AFTER = 20
    beating(ALIVE, seconds_ago=19)
    row = held(by=ALIVE, seconds_ago=3600)  # far past INVITATION_STUCK_AFTER

    assert released() == []
    row.refresh_from_db()
    assert (row.status, row.claimed_by) == ("sending", ALIVE)


def test_worker_that_connects_releases_its_earlier_runs_claims_and_keeps_its_own():
    beating("worker1@host:90:91", seconds_ago=2)  # killed two seconds ago: looks alive still
    beating(ALIVE, seconds_ago=0)
    earlier = held(by="worker1@host:90:91")
    own = held(by=ALIVE)
    other = held(by="worker11@host:90:91")  # another node whose name starts alike

    found = recovery.sweep(restarted=("worker1@host", 100))

    assert found == {"invitation": [earlier.pk]}
    assert set(Invitation.objects.filter(status="sending")) == {own, other}


def test_row_sent_in_process_without_a_heartbeat_goes_back_after_stuck_after(settings):
    settings.INVITATION_STUCK_AFTER = 300
    recent = held(by="web1:300:300", seconds_ago=60)
    stuck = held(by="web1:300:300", seconds_ago=301)

    assert released() == [stuck.pk]
    recent.refresh_from_db()
    assert recent.status == "sending"


def test_holder_whose_row_was_handed_out_again_does_not_overwrite_the_new_holders_outcome():
    row = held(by=DEAD)
    Invitation.objects.filter(pk=row.pk).update(claimed_by=ALIVE)  # released, claimed again

    delivery._settle_and_claim((row, {"status": "failed", "last_error": "late"}), None, DEAD)

    row.refresh_from_db()
    assert (row.status, row.claimed_by, row.last_error) == ("sending", ALIVE, "")


def test_heartbeat_records_the_process_and_then_refreshes_its_time():
    recovery.beat(ALIVE)
    OutboxWorker.objects.update(seen_at=Now() - timedelta(minutes=5))
    recovery.beat(ALIVE)

    worker = OutboxWorker.objects.get()
    assert worker.name == ALIVE
    assert timezone.now() - worker.seen_at < timedelta(minutes=1)


def test_holder_name_is_node_main_pid_and_pid(monkeypatch):
    monkeypatch.setattr(recovery.os, "getpid", lambda: 4242)

    assert recovery.holder_name("worker1@host") == "worker1@host:4242:4242"  # solo or threads
    assert recovery.holder_name(None).endswith(":4242:4242")  # in-process: the host's name
