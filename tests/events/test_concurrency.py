"""Hundreds of people register or cancel at the same moment: capacity is never exceeded.

Each thread has its own database connection (closed in `finally`); a Barrier releases them
together. PostgreSQL's default `max_connections` is 100, so a semaphore caps how many of the
released threads hold a connection at the same moment (all 200 when the server allows it).
The control test takes the lock away and widens the window between counting seats and
writing, and must then overbook: proof that the main test could fail.
"""

import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from events import services
from events.models import Registration
from tests.factories import MeetingFactory, RegistrationFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 200
SEATS = 50


@pytest.fixture(scope="module")
def pool():
    with ThreadPoolExecutor(max_workers=THREADS) as executor:
        yield executor


@pytest.fixture(autouse=True)
def quick_threads(monkeypatch):
    """Keep ten rounds fast without weakening what is tested.

    Each new connection gets its settings at connect time instead of in extra round trips, and
    its commits need not wait for the disk (durability is not under test); the GIL is handed
    over sooner so that the thread holding the row lock is not starved by the others; e-mails
    (the invitations tests' concern) are not written.
    """
    options = connection.settings_dict["OPTIONS"]
    monkeypatch.setitem(options, "options", "-c synchronous_commit=off -c TimeZone=UTC")
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    yield
    sys.setswitchinterval(switch_interval)


def connection_slots() -> int:
    """How many connections the threads may hold at once, leaving room for everyone else."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int - count(*) FROM pg_stat_activity"
        )
        free = cursor.fetchone()[0]
    return max(10, min(THREADS, free - 20))


def run_at_once(pool, jobs):
    """Run each job in its own thread, all released by one barrier; returns exceptions."""
    barrier = threading.Barrier(len(jobs))
    slots = threading.BoundedSemaphore(connection_slots())

    def run(job):
        barrier.wait(timeout=30)
        with slots:
            try:
                job()
            except Exception as exc:  # collected, so that the test shows them
                return exc
            finally:
                connection.close()
        return None

    return [error for error in pool.map(run, jobs) if error is not None]


def register_everyone(pool, meeting):
    def job_for(n):
        return lambda: services.registration_create(
            meeting=meeting,
            name=f"Person {n}",
            email=f"person{n}@example.org",
            attendance_mode="on_site",
            privacy_consent=True,
            notify=False,
        )

    return run_at_once(pool, [job_for(n) for n in range(THREADS)])


def test_two_hundred_at_once_fill_fifty_seats_and_queue_the_rest_in_order(pool):
    for round_number in range(10):
        meeting = MeetingFactory(slug=f"rush-{round_number}", onsite_seats=SEATS)
        errors = register_everyone(pool, meeting)

        assert errors == []
        registrations = Registration.objects.filter(meeting=meeting)
        assert registrations.filter(status="confirmed").count() == SEATS
        positions = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
        assert positions == list(range(1, THREADS - SEATS + 1))


def test_without_the_lock_the_same_rush_overbooks(pool, monkeypatch):
    # The seat is counted and taken in one statement, but from that statement's snapshot:
    # without the meeting's lock (no FOR UPDATE), statements side by side count the same seats.
    monkeypatch.setattr(type(connection.features), "has_select_for_update", False)
    meeting = MeetingFactory(onsite_seats=SEATS)

    register_everyone(pool, meeting)

    registrations = Registration.objects.filter(meeting=meeting)
    positions = list(registrations.waitlisted().values_list("waitlist_position", flat=True))
    overbooked = registrations.filter(status="confirmed").count() > SEATS
    assert overbooked or len(set(positions)) < len(positions)


def test_simultaneous_cancellations_promote_exactly_as_many_as_cancelled(pool):
    meeting = MeetingFactory(onsite_seats=SEATS)
    confirmed = RegistrationFactory.create_batch(SEATS, meeting=meeting)
    for position in range(1, 101):
        RegistrationFactory(meeting=meeting, status="waitlisted", waitlist_position=position)
    leaving = confirmed[:40]

    errors = run_at_once(
        pool, [lambda r=r: services.registration_cancel(registration=r) for r in leaving]
    )

    assert errors == []
    registrations = Registration.objects.filter(meeting=meeting)
    assert registrations.filter(status="cancelled").count() == 40
    assert registrations.filter(status="confirmed").count() == SEATS
    positions = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    assert positions == list(range(1, 61))
