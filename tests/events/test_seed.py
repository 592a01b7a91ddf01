import pytest
from django.core.management import call_command

from events.models import Meeting

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_2020_meeting_and_an_open_upcoming_one_idempotently():
    call_command("seed_demo", "--with-accounts")
    call_command("seed_demo", "--with-accounts")

    past = Meeting.objects.get(slug="federal-meeting-2020")
    assert past.format == "online"
    assert past.is_past
    assert past.ends_at.date().isoformat() == "2020-12-01"
    assert past.sessions.filter(kind="research_presentation", day="2020-12-01").count() == 2
    assert past.sessions.filter(title_en__icontains="Skilled Immigration Act").exists()
    assert past.host_center.slug == "welcome-center-thuringia"

    upcoming = Meeting.objects.upcoming().get(kind="federal_meeting")
    assert upcoming.is_open_for_registration()
    assert (upcoming.format, upcoming.onsite_seats, upcoming.online_seats) == ("hybrid", 150, 300)
    assert upcoming.organizers.filter(email="organizer@example.org").exists()
    assert upcoming.registrations.count() == 40
