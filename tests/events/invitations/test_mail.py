"""The invitation e-mail: language, links, headers, calendar attachment."""

import icalendar
import pytest

from events.models import Invitation
from events.outbox.delivery import retry_delay
from events.outbox.messages import build_message
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def invitation(language: str) -> Invitation:
    meeting = MeetingFactory(title_de="Bundestreffen 2031", title_en="Federal meeting 2031")
    return Invitation.objects.create(
        meeting=meeting, email="ada@example.org", name="Ada", language=language
    )


@pytest.mark.parametrize(
    ("language", "title", "greeting"),
    [("de", "Bundestreffen 2031", "Guten Tag Ada"), ("en", "Federal meeting 2031", "Dear Ada")],
)
def test_invitation_is_written_in_the_recipients_language(settings, language, title, greeting):
    settings.SITE_URL = "https://portal.example"
    inv = invitation(language)
    message = build_message(inv)

    assert title in message.subject
    assert greeting in message.body
    text = message.body
    assert f"https://portal.example/{language}/events/invitation/{inv.token}/accept/" in text
    assert f"https://portal.example/{language}/events/invitation/{inv.token}/decline/" in text
    assert f"https://portal.example/{language}/events/{inv.meeting.slug}/" in text
    html = message.alternatives[0].content
    assert f'lang="{language}"' in html


def test_invitation_carries_headers_and_a_calendar_entry_of_the_meeting():
    inv = invitation("en")
    message = build_message(inv)

    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert message.extra_headers["Message-ID"] == build_message(inv).extra_headers["Message-ID"]
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("meeting.ics", "text/calendar")
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event["summary"] == "Federal meeting 2031"
    assert event.decoded("dtstart") == inv.meeting.starts_at


def test_longest_retry_delay_stays_below_the_redis_visibility_timeout(settings):
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert max(retry_delay(n) for n in range(settings.INVITATION_MAX_ATTEMPTS)) < visibility
    assert settings.INVITATION_STUCK_AFTER < 15 * 60  # stuck rows go out within minutes
