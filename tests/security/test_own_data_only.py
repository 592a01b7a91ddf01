"""An organizer's "last year's attendees" never reaches into another organizer's meeting."""

import pytest

from events.forms import InviteForm
from events.services import meeting_copy_as_next_year
from tests.factories import MeetingFactory, OrganizerFactory, RegistrationFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def last_year():
    """Two meetings of the same kind last year, each with its own organizer and attendee."""
    mine, theirs = OrganizerFactory(), OrganizerFactory()
    own = MeetingFactory(year=2029, kind="federal_meeting")
    own.organizers.add(mine)
    other = MeetingFactory(year=2029, kind="federal_meeting")
    other.organizers.add(theirs)
    RegistrationFactory(meeting=own, email="mine@example.net", status="attended")
    RegistrationFactory(meeting=other, email="theirs@example.net", status="attended")
    return mine, own


def invited(meeting, user) -> set[str]:
    form = InviteForm(data={"last_year": "on"}, meeting=meeting, user=user)
    assert form.is_valid(), form.errors
    return {invitee.email for invitee in form.invitees}


def test_last_years_attendees_come_only_from_the_organizers_own_meetings(last_year):
    mine, _own = last_year
    meeting = MeetingFactory(year=2030, kind="federal_meeting")
    meeting.organizers.add(mine)
    assert invited(meeting, mine) == {"mine@example.net"}


def test_the_meeting_a_copy_was_made_from_counts_whoever_organized_it(last_year):
    _mine, own = last_year
    copy = meeting_copy_as_next_year(meeting=own)
    newcomer = OrganizerFactory()
    copy.organizers.set([newcomer])
    assert invited(copy, newcomer) == {"mine@example.net"}


def test_agency_staff_draw_on_every_meeting_of_last_year(last_year):
    meeting = MeetingFactory(year=2030, kind="federal_meeting")
    staff = StaffFactory()
    assert invited(meeting, staff) == {"mine@example.net", "theirs@example.net"}
