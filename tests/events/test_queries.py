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
