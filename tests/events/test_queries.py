"""The meeting page and the dashboard run a fixed, small number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow_to(meeting, size):
    have = meeting.registrations.count()
    RegistrationFactory.create_batch(size - have, meeting=meeting)


@pytest.mark.parametrize("page", ["", "manage/"])
def test_query_count_is_small_and_the_same_for_10_and_300_participants(
    client, meeting, organizer, page
):
    meeting.onsite_seats = None
    meeting.save()
    SessionFactory.create_batch(4, meeting=meeting)
    client.force_login(organizer)
    url = f"/en/events/{meeting.slug}/{page}"

    grow_to(meeting, 10)
    small = queries_for(client, url)
    grow_to(meeting, 300)
    large = queries_for(client, url)

    assert small == large
    # Besides the page's own: the organizer's second factor, the look at participants' data
    # logged (PersonalDataAccess) and the header's tools: one query each.
    assert large <= 12


def test_registering_runs_a_fixed_number_of_queries_and_holds_the_lock_for_two_statements(
    client, meeting
):
    """The public POST: the same count for the first seat and for a waiting-list place at 300
    registrations; under the meeting's lock only the registration's INSERT ... SELECT and its
    notice's outbox row (the notice limit and the page cache are handled outside)."""
    from .test_answers import post_registration

    meeting.onsite_seats = 1
    meeting.save()
    counts, locked = [], []
    for number, size in enumerate([0, 300]):
        grow_to(meeting, size)
        with CaptureQueriesContext(connection) as captured:
            response = post_registration(client, meeting, email=f"rush{number}@example.org")
        assert response.status_code == 200
        statements = [query["sql"] for query in captured]
        counts.append(len(statements))
        lock = next(i for i, sql in enumerate(statements) if sql.endswith("FOR UPDATE"))
        end = next(i for i, sql in enumerate(statements) if i > lock and "SAVEPOINT" in sql)
        locked.append(statements[lock + 1 : end])

    assert meeting.registrations.get(email="rush1@example.org").status == "waitlisted"
    assert counts[0] == counts[1] == 12  # with the test's transaction: SAVEPOINT and RELEASE
    for inside in locked:
        assert [sql.split()[0:3] for sql in inside] == [
            ["INSERT", "INTO", "events_registration"],
            ["INSERT", "INTO", '"events_outboxmessage"'],
        ]
