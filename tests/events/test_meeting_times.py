"""The public meeting page says when, in Berlin time and labelled, and until when people can
register; the deadline holds for invitees on their accept page too."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.models import Invitation
from tests.factories import MeetingFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def meeting():
    # Stored in UTC by the database; 9:30 in Berlin is 8:30 UTC in winter.
    return MeetingFactory(
        title_en="Federal meeting",
        starts_at=berlin(2030, 1, 14, 9, 30),
        ends_at=berlin(2030, 1, 15, 16, 0),
        registration_closes_at=berlin(2030, 1, 7, 18, 0),
    )


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_meeting_page_shows_days_with_times_in_berlin_time(client, meeting):
    SessionFactory(meeting=meeting, day=meeting.starts_at.date(), title_en="Opening")

    page = text(client.get(f"/en/events/{meeting.slug}/"))

    assert "Jan. 14, 2030, 09:30</time> \u2013 <time" in page
    assert "Jan. 15, 2030, 16:00</time> (Berlin time)" in page
    assert "10:00</time>\u2013<time>11:00</time>" in page  # the session
    assert 'Time <span class="kern-body--small">(Berlin time)</span>' in page


@pytest.mark.parametrize(
    ("language", "starts", "ends"),
    [
        ("en", "Jan. 14, 2030, 09:30</time>", "Jan. 15, 2030, 16:00</time> (Berlin time)"),
        ("de", "14. Januar 2030, 09:30</time>", "15. Januar 2030, 16:00</time> (Berliner Zeit)"),
    ],
)
def test_personal_page_says_when_with_the_times_in_berlin_time(
    client, meeting, language, starts, ends
):
    registration = RegistrationFactory(meeting=meeting)

    page = text(client.get(f"/{language}/events/invitation/{registration.token}/"))

    assert starts in page
    assert ends in page


@pytest.mark.parametrize(
    ("language", "open_until"),
    [
        ("en", "open until Jan. 7, 2030, 18:00 (Berlin time)"),
        ("de", "bis 7. Januar 2030, 18:00 Uhr (Berliner Zeit)"),
    ],
)
def test_meeting_page_says_until_when_registration_is_open(client, meeting, language, open_until):
    page = text(client.get(f"/{language}/events/{meeting.slug}/"))

    assert open_until in page


def test_after_the_deadline_the_page_says_closed_and_offers_no_form(client, meeting):
    meeting.registration_closes_at = timezone.now() - timedelta(minutes=1)
    meeting.save()

    en = text(client.get(f"/en/events/{meeting.slug}/"))
    de = text(client.get(f"/de/events/{meeting.slug}/"))

    assert 'Registration</dt><dd class="kern-description-list-item__value">closed' in en
    assert 'Anmeldung</dt><dd class="kern-description-list-item__value">geschlossen' in de
    assert f"/en/events/{meeting.slug}/register/" not in en


def test_before_registration_opens_the_page_says_from_when(client, meeting):
    meeting.registration_opens_at = berlin(2029, 12, 1, 8, 0)
    meeting.save()

    page = text(client.get(f"/en/events/{meeting.slug}/"))

    assert "opens on Dec. 1, 2029, 08:00 (Berlin time); open until Jan. 7, 2030" in page


def test_an_invitee_cannot_register_after_the_deadline_through_the_accept_page(client, meeting):
    meeting.registration_mode = "invitation_only"
    meeting.registration_closes_at = timezone.now() - timedelta(minutes=1)
    meeting.save()
    invitation = Invitation.objects.create(meeting=meeting, email="late@example.org")

    response = client.post(
        f"/en/events/invitation/{invitation.token}/accept/",
        {"name": "Late", "attendance_mode": "online", "privacy_consent": "on"},
    )

    assert response.status_code == 200
    assert "Registration for this meeting is not open." in response.content.decode()
    assert not meeting.registrations.exists()
