"""The meeting and each of its sessions as an iCalendar file (times in Europe/Berlin)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from .models import Meeting

BERLIN = ZoneInfo("Europe/Berlin")


def _event(uid: str, summary: str, start, end, *, description="", location="") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", start.astimezone(BERLIN))
    event.add("dtend", end.astimezone(BERLIN))
    event.add("dtstamp", start.astimezone(BERLIN))
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    return event


def meeting_calendar(meeting: Meeting, *, url: str) -> bytes:
    """The .ics bytes: one event for the whole meeting and one per session (no online link:
    the file is public; confirmed participants find the link on their personal page)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Welcome Portal//events//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", "Europe/Berlin")
    host = settings.SITE_URL.split("//")[-1]
    whole = _event(
        f"meeting-{meeting.pk}@{host}",
        meeting.title,
        meeting.starts_at,
        meeting.ends_at,
        description=meeting.description,
        location=meeting.venue or meeting.get_format_display(),
    )
    whole.add("url", url)
    calendar.add_component(whole)
    for session in meeting.sessions.all():
        start = datetime.combine(session.day, session.starts, tzinfo=BERLIN)
        end = datetime.combine(session.day, session.ends, tzinfo=BERLIN)
        speakers = ", ".join(speaker.name for speaker in session.speakers.all())
        calendar.add_component(
            _event(
                f"session-{session.pk}@{host}",
                f"{meeting.title}: {session.title}",
                start,
                end,
                description="\n".join(filter(None, [speakers, session.description])),
                location=session.room or meeting.venue or "online",
            )
        )
    return calendar.to_ical()
