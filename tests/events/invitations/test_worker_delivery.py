"""Invitations through a real Redis, a real Celery worker and a real SMTP server (aiosmtpd)."""

import collections
import re
import time

import pytest
import redis
from django.urls import reverse
from django.utils import translation

from events import tasks
from events.models import Invitation
from events.outbox import recovery
from events.services import invitation_create_many, registration_create
from events.services.invitees import Invitee
from tests.factories import MeetingFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


def people(n: int) -> list[Invitee]:
    return [Invitee(f"person{i}@example.org", f"Person {i}") for i in range(n)]


def wait_until(condition, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def statuses(meeting) -> collections.Counter:
    return collections.Counter(meeting.invitations.values_list("status", flat=True))


def test_thousand_invitations_give_exactly_a_thousand_messages_to_the_right_addresses(
    start_worker, smtp_sink
):
    meeting = MeetingFactory()
    start_worker()
    invitation_create_many(meeting=meeting, invitees=people(1000))

    wait_until(lambda: statuses(meeting)["sent"] == 1000, timeout=90)
    time.sleep(0.3)
    assert smtp_sink.received == {f"person{i}@example.org": 1 for i in range(1000)}
    email_of = dict(meeting.invitations.values_list("pk", "email"))
    for rcpt, message in smtp_sink.messages:
        invitation_pk = int(re.match(r"<invitation\.(\d+)\.", message["Message-ID"])[1])
        assert message["To"] == rcpt == email_of[invitation_pk]
        assert message["Auto-Submitted"] == "auto-generated"


# The dead process's heartbeat is stale after a second; claims age out only after five minutes,
# so whatever is released within a test was released because its holder had stopped beating.
QUICK_HEARTBEAT = {"OUTBOX_HEARTBEAT_INTERVAL": "0.2", "OUTBOX_WORKER_GONE_AFTER": "1"}
HELD = "person10@example.org"


def _invite_and_hold(start_worker, smtp_sink, env, name=None):
    """Invite 30; the SMTP server holds person10's message, so the worker is mid-send."""
    meeting = MeetingFactory()
    smtp_sink.hold.add(HELD)
    worker = start_worker(env=env, name=name)
    invitation_create_many(meeting=meeting, invitees=people(30))
    assert smtp_sink.holding.wait(30)
    return meeting, worker


def _invite_and_kill_in_flight(start_worker, smtp_sink, env):
    """Invite 30; the SMTP server holds person10's message; SIGKILL the worker's child then."""
    meeting, worker = _invite_and_hold(start_worker, smtp_sink, {**QUICK_HEARTBEAT, **env})
    worker.kill_child()
    smtp_sink.hold.clear()
    return meeting, Invitation.objects.get(email=HELD)


def exactly_once(sink, n: int) -> bool:
    return sink.received == {f"person{i}@example.org": 1 for i in range(n)}


def test_worker_killed_mid_send_loses_nothing_and_marks_the_message_in_flight_not_sent(
    start_worker, smtp_sink
):
    meeting, in_flight = _invite_and_kill_in_flight(start_worker, smtp_sink, {})

    # The pool restarts its child and the broker redelivers the task (reject on worker lost).
    wait_until(lambda: smtp_sink.total == 29)
    in_flight.refresh_from_db()
    assert in_flight.status == "sending"  # never marked sent: nobody knows if it arrived
    assert statuses(meeting) == {"sent": 29, "sending": 1}

    time.sleep(1.5)  # the killed child has stopped beating
    tasks.sweep_outbox.delay()  # as the beat does every OUTBOX_SWEEP_INTERVAL
    wait_until(lambda: statuses(meeting) == {"sent": 30})
    assert exactly_once(smtp_sink, 30)
    assert smtp_sink.held_messages == [in_flight.email]  # the one that may arrive twice


def test_worker_killed_and_restarted_under_its_name_releases_its_claims_when_it_connects(
    start_worker, smtp_sink
):
    # Claims age out after five minutes and heartbeats after twenty seconds: neither helps here.
    env = {"OUTBOX_PENDING_AFTER": "1"}
    meeting, worker = _invite_and_hold(start_worker, smtp_sink, env, name="worker1@localhost")
    worker.kill()  # parent and child: nobody is left to hand the task back
    smtp_sink.hold.clear()
    assert statuses(meeting) == {"sent": 10, "sending": 1, "pending": 19}
    held_by = Invitation.objects.get(email=HELD).claimed_by
    assert held_by.startswith(f"worker1@localhost:{worker.process.pid}:")

    time.sleep(1)  # the rows of the lost task are overdue
    start_worker(env=env, name="worker1@localhost")  # no sweep asked for: it sweeps itself

    wait_until(lambda: statuses(meeting) == {"sent": 30})
    time.sleep(0.5)
    assert exactly_once(smtp_sink, 30)
    assert smtp_sink.held_messages == [HELD]


def test_worker_killed_and_replaced_by_another_its_claims_go_once_its_heartbeat_is_stale(
    start_worker, smtp_sink
):
    env = {**QUICK_HEARTBEAT, "OUTBOX_PENDING_AFTER": "1"}
    meeting, worker = _invite_and_hold(start_worker, smtp_sink, env)
    worker.kill()
    smtp_sink.hold.clear()

    start_worker(env=env)
    time.sleep(1.5)
    tasks.sweep_outbox.delay()  # as the beat does
    wait_until(lambda: statuses(meeting) == {"sent": 30})
    time.sleep(0.5)
    assert exactly_once(smtp_sink, 30)
    assert smtp_sink.held_messages == [HELD]


def test_sweep_never_takes_a_row_from_a_live_worker_however_long_it_holds_it(
    start_worker, smtp_sink, settings
):
    settings.OUTBOX_WORKER_GONE_AFTER = 1
    meeting, _ = _invite_and_hold(start_worker, smtp_sink, QUICK_HEARTBEAT)
    time.sleep(1.5)  # longer than a dead process's heartbeat lasts

    released = recovery.sweep(stuck_after=0)  # its claim is older than stuck_after
    held = Invitation.objects.get(email=HELD)
    assert held.pk not in released.get("invitation", [])  # (the rows queued behind it may be)
    assert held.status == "sending"
    assert held.claimed_by.startswith("test-")

    smtp_sink.hold.clear()
    smtp_sink.release.set()  # the server drops the held message (421): retried, then sent
    wait_until(lambda: statuses(meeting) == {"sent": 30})
    assert exactly_once(smtp_sink, 30)


def test_control_without_reject_on_worker_lost_or_sweep_the_kill_loses_mail(
    start_worker, smtp_sink
):
    meeting, _ = _invite_and_kill_in_flight(start_worker, smtp_sink, {"REJECT_ON_WORKER_LOST": "0"})

    time.sleep(3)
    assert smtp_sink.total == 10  # person0 … person9, then nothing
    assert statuses(meeting) == {"pending": 19, "sending": 1, "sent": 10}


def test_task_delivered_twice_sends_nothing_twice(start_worker, smtp_sink):
    meeting = MeetingFactory()
    rows = Invitation.objects.bulk_create(
        Invitation(meeting=meeting, email=f"person{i}@example.org") for i in range(50)
    )
    ids = [row.pk for row in rows]
    for _ in range(2):  # the broker delivers the same batch twice
        tasks.send_outbox_batch.apply_async(args=["invitation", ids])
    start_worker()

    wait_until(lambda: statuses(meeting) == {"sent": 50})
    time.sleep(1)  # the second delivery has run by now, too
    assert smtp_sink.received == {f"person{i}@example.org": 1 for i in range(50)}


def test_temporary_smtp_errors_for_a_tenth_are_retried_until_all_arrive(start_worker, smtp_sink):
    meeting = MeetingFactory()
    deferred = {f"person{i}@example.org" for i in range(0, 100, 10)}
    smtp_sink.defer = dict.fromkeys(deferred, 2)  # 451 twice, then accepted
    start_worker()
    invitation_create_many(meeting=meeting, invitees=people(100))

    wait_until(lambda: statuses(meeting) == {"sent": 100})
    assert smtp_sink.received == {f"person{i}@example.org": 1 for i in range(100)}
    assert sum(smtp_sink.deferred.values()) == 20
    attempts = dict(meeting.invitations.values_list("email", "attempts"))
    assert {attempts[a] for a in deferred} == {3}


def test_permanent_smtp_error_fails_that_invitation_with_the_reason_and_sends_the_rest(
    start_worker, smtp_sink
):
    meeting = MeetingFactory()
    smtp_sink.reject.add("person7@example.org")
    start_worker()
    invitation_create_many(meeting=meeting, invitees=people(20))

    wait_until(lambda: statuses(meeting) == {"sent": 19, "failed": 1})
    failed = meeting.invitations.get(status="failed")
    assert failed.email == "person7@example.org"
    assert failed.attempts == 1  # no retry for a permanent error
    assert failed.last_error.startswith("550")
    assert smtp_sink.total == 19


def test_redis_down_the_organizers_send_answers_with_its_page_trying_the_broker_once(
    client, broker, start_worker, smtp_sink, settings, monkeypatch
):
    # The cache sits beside the queue (the broker fixture): the page cache and the limiters go
    # down with it.
    settings.REGISTRATION_RATE_LIMIT = "20/h"
    organizer = UserFactory()
    meeting = MeetingFactory()
    meeting.organizers.add(organizer)
    client.force_login(organizer)
    broker.stop()
    attempts = []
    connect = redis.connection.Connection._connect

    def counted(connection):
        attempts.append((connection.port, connection.db))
        return connect(connection)

    monkeypatch.setattr(redis.connection.Connection, "_connect", counted)

    with translation.override("en"):
        response = client.post(
            reverse("events:manage_invitations", args=[meeting.slug]),
            {
                "text": "\n".join(f"Person {i}, person{i}@example.org" for i in range(20)),
                "confirm": "1",
            },
            follow=True,
        )

    assert response.status_code == 200
    assert "20 invitations are being sent." in response.content.decode()
    assert attempts.count((broker.port, 0)) == 1  # the task's publish, tried once: no retry
    assert statuses(meeting) == {"pending": 20}
    monkeypatch.undo()

    broker.start()
    start_worker(env={"OUTBOX_PENDING_AFTER": "0"})  # no sweep asked for: it sweeps on connect
    wait_until(lambda: statuses(meeting) == {"sent": 20})
    time.sleep(0.5)
    assert exactly_once(smtp_sink, 20)


def test_registrations_while_the_worker_runs_each_get_their_notice_once(start_worker, smtp_sink):
    meeting = MeetingFactory(onsite_seats=10)
    start_worker()
    for i in range(40):
        registration_create(
            meeting=meeting,
            name=f"Person {i}",
            email=f"person{i}@example.org",
            attendance_mode="on_site",
            privacy_consent=True,
        )

    wait_until(lambda: len(smtp_sink.received) == 40)
    time.sleep(0.5)  # a second copy would arrive now
    assert smtp_sink.received == {f"person{i}@example.org": 1 for i in range(40)}
    assert not meeting.outbox_messages.exclude(status="sent").exists()
