"""The meeting page and the dashboard run a fixed, small number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import RegistrationFactory, SessionFactory
from welcome_portal.pagecache import page_cache_bump

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


def test_registering_runs_two_queries_and_sends_the_locked_part_as_one_message(client, meeting):
    """The public POST, the same for a waiting-list place at 1 and at 300 registrations: one
    message that locks the meeting, takes the place and writes the notice within the notice
    limit, and the seats left that the answer offers in the other mode. A newcomer's address is
    not looked up first: the unique key tells a taken one. The meeting's row and the
    organisation's match come from the cache once their versions have them."""
    from .test_answers import post_registration

    meeting.onsite_seats = 1
    meeting.save()
    page_cache_bump()  # a directory edited once, as every live one has been: it has a version
    post_registration(client, meeting, email="first@example.org")  # the match is cached now
    counts, locked = [], []
    for number, size in enumerate([0, 300]):
        grow_to(meeting, size)
        with CaptureQueriesContext(connection) as captured:
            response = post_registration(client, meeting, email=f"rush{number}@example.org")
        assert response.status_code == 200
        # The test's own transaction adds a savepoint around the message; a request has none.
        statements = [query["sql"] for query in captured if "SAVEPOINT" not in query["sql"]]
        counts.append(len(statements))
        locked.append([sql for sql in statements if "FOR UPDATE" in sql])

    assert meeting.registrations.get(email="rush1@example.org").status == "waitlisted"
    assert counts[0] == counts[1] == 2
    for message in locked:
        assert len(message) == 1
        assert [sql.split(" (")[0].split(" WHERE")[0] for sql in message[0].split(";\n")] == [
            "SELECT 1 FROM events_meeting",
            "INSERT INTO events_registration",
            "INSERT INTO events_outboxmessage",
        ]
