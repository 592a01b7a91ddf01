"""Seats, the waiting list and promotion, through the registration services."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events import services
from events.models import OutboxMessage, Registration

from .conftest import register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English (the service speaks the active language)."""
    with translation.override("en"):
        yield


def statuses(meeting):
    return list(
        meeting.registrations.order_by("pk").values_list("email", "status", "waitlist_position")
    )


def test_full_meeting_puts_next_registrants_on_waitlist_in_order(meeting):
    for n in range(4):
        register(meeting, f"p{n}@example.org")

    assert statuses(meeting) == [
        ("p0@example.org", "confirmed", None),
        ("p1@example.org", "confirmed", None),
        ("p2@example.org", "waitlisted", 1),
        ("p3@example.org", "waitlisted", 2),
    ]


def test_each_attendance_mode_has_its_own_capacity(meeting):
    register(meeting, "a@example.org", "online")
    late = register(meeting, "b@example.org", "online")
    on_site = register(meeting, "c@example.org", "on_site")

    assert (late.status, late.waitlist_position) == ("waitlisted", 1)
    assert on_site.status == "confirmed"


def test_unlimited_seats_never_waitlist(meeting):
    meeting.onsite_seats = None
    meeting.save()
    registrations = [register(meeting, f"p{n}@example.org") for n in range(5)]
    assert {r.status for r in registrations} == {"confirmed"}


def test_cancelling_promotes_first_waitlisted_of_that_mode_and_closes_the_gap(meeting):
    first, _second = register(meeting, "a@example.org"), register(meeting, "b@example.org")
    register(meeting, "c@example.org")
    register(meeting, "d@example.org")
    register(meeting, "online@example.org", "online")
    register(meeting, "online-late@example.org", "online")

    promoted = services.registration_cancel(registration=first)

    assert [r.email for r in promoted] == ["c@example.org"]
    assert statuses(meeting)[2:4] == [
        ("c@example.org", "confirmed", None),
        ("d@example.org", "waitlisted", 1),
    ]
    online_late = Registration.objects.get(email="online-late@example.org")
    assert online_late.status == "waitlisted"


def test_same_email_in_other_case_gets_a_clear_message_and_no_second_row(meeting):
    register(meeting, "Anna@Example.org")
    with pytest.raises(services.RegistrationError, match="already registered"):
        register(meeting, "anna@example.ORG")
    assert meeting.registrations.count() == 1


def test_database_refuses_duplicate_email_ignoring_case(meeting):
    from django.db import IntegrityError, transaction

    from tests.factories import RegistrationFactory

    RegistrationFactory(meeting=meeting, email="x@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(meeting=meeting, email="X@EXAMPLE.ORG")


def test_switching_to_a_full_mode_joins_its_waitlist_and_frees_the_old_seat(meeting):
    register(meeting, "online@example.org", "online")
    mover = register(meeting, "mover@example.org", "on_site")
    register(meeting, "b@example.org", "on_site")
    waiting = register(meeting, "waiting@example.org", "on_site")

    services.registration_switch_mode(registration=mover, mode="online")

    mover.refresh_from_db()
    waiting.refresh_from_db()
    assert (mover.attendance_mode, mover.status, mover.waitlist_position) == (
        "online",
        "waitlisted",
        1,
    )
    assert waiting.status == "confirmed"


def test_organizer_cannot_confirm_beyond_capacity(meeting):
    register(meeting, "a@example.org")
    register(meeting, "b@example.org")
    waiting = register(meeting, "c@example.org")

    with pytest.raises(services.RegistrationError, match="No seat"):
        services.registration_set_status(registration=waiting, status="confirmed")
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_invitation_locks_the_email_and_opens_invitation_only_meetings(meeting):
    meeting.registration_mode = "invitation_only"
    meeting.save()
    with pytest.raises(services.RegistrationError, match="not open"):
        register(meeting, "guest@example.org")
    with pytest.raises(services.RegistrationError, match="address the invitation"):
        register(meeting, "other@example.org", locked_email="guest@example.org")

    registration = register(meeting, "Guest@example.org", locked_email="guest@example.org")

    assert registration.status == "confirmed"


def test_check_in_needs_a_confirmed_registration(meeting):
    register(meeting, "a@example.org")
    register(meeting, "b@example.org")
    waiting = register(meeting, "c@example.org")
    with pytest.raises(services.RegistrationError):
        services.registration_check_in(registration=waiting)

    confirmed = Registration.objects.get(email="a@example.org")
    services.registration_check_in(registration=confirmed)
    confirmed.refresh_from_db()
    assert confirmed.status == "attended"
    assert confirmed.attended_at is not None


def test_status_moves_notify_the_participant(meeting):
    first = register(meeting, "a@example.org")
    register(meeting, "b@example.org")
    register(meeting, "c@example.org")
    before = set(OutboxMessage.objects.values_list("pk", flat=True))

    services.registration_cancel(registration=first)

    notices = OutboxMessage.objects.exclude(pk__in=before).order_by("pk")
    assert [(m.email, m.kind) for m in notices] == [
        ("a@example.org", "cancelled"),
        ("c@example.org", "promoted"),
    ]


def test_after_the_meeting_nobody_cancels_or_switches_but_data_can_be_erased(meeting):
    registration = register(meeting, "a@example.org")
    meeting.starts_at -= timedelta(days=400)
    meeting.ends_at -= timedelta(days=400)
    meeting.save()
    registration.refresh_from_db()

    with pytest.raises(services.RegistrationError, match="already taken place"):
        services.registration_cancel(registration=registration)
    with pytest.raises(services.RegistrationError, match="already taken place"):
        services.registration_switch_mode(registration=registration, mode="online")
    services.registration_erase(registration=registration)

    registration.refresh_from_db()
    assert registration.anonymised_at is not None
    assert registration.status == "confirmed"


@pytest.mark.postgres  # SQLite has no row lock (it serialises writing transactions instead)
def test_registering_locks_takes_the_place_and_writes_the_notice_in_one_round_trip(meeting):
    register(meeting, "first@example.org")
    register(meeting, "second@example.org")
    with CaptureQueriesContext(connection) as captured:
        third = services.registration_create(
            meeting=meeting,
            name="Third",
            email="third@example.org",
            attendance_mode="on_site",
            privacy_consent=True,
        )
    # The test's own transaction adds savepoints; in a request there is no atomic block at all.
    sqls = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    locked = [sql for sql in sqls if "FOR UPDATE" in sql]
    assert len(locked) == 1  # one message: the lock, the INSERT ... SELECT, the notice
    statements = locked[0].split(";\n")
    assert "FOR UPDATE" in statements[0]
    assert [s.split(" (")[0] for s in statements[1:]] == [
        "INSERT INTO events_registration",
        "INSERT INTO events_outboxmessage",
    ]
    assert (third.status, third.waitlist_position) == ("waitlisted", 1)
    third.refresh_from_db()
    assert (third.status, third.waitlist_position, third.name) == ("waitlisted", 1, "Third")
    notice = OutboxMessage.objects.get(registration=third)
    assert (notice.kind, notice.email, notice.status) == (
        "waitlisted",
        "third@example.org",
        "pending",
    )
    assert third.token
    assert third.created_at
