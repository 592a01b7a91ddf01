"""The one calendar builder: the meeting as iCalendar, for the download and the e-mails alike.

With a programme, each session is an event (so no block spans the whole meeting over the
sessions); without one, the meeting is. Times carry Europe/Berlin with its VTIMEZONE. UIDs are
`session-<pk>@<host>` or `meeting-<pk>@<host>` (host of SITE_URL, without port), so a file
imported twice updates the same entries. No online link: the file is public.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from .links import absolute, site_host
from .models import Meeting

BERLIN = ZoneInfo("Europe/Berlin")


def _event(uid: str, summary: str, start, end, *, stamp, description="", location="") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", start.astimezone(BERLIN))
    event.add("dtend", end.astimezone(BERLIN))
    event.add("dtstamp", stamp)
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    return event


def meeting_calendar(meeting: Meeting) -> bytes:
    """The .ics bytes of a meeting (METHOD:PUBLISH: entries, not meeting requests)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Welcome Portal//events//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    host, url, stamp = site_host(), absolute(meeting.get_absolute_url()), meeting.updated_at
    sessions = list(meeting.sessions.prefetch_related("speakers"))
    for session in sessions:
        speakers = ", ".join(speaker.name for speaker in session.speakers.all())
        event = _event(
            f"session-{session.pk}@{host}",
            f"{meeting.title}: {session.title}",
            datetime.combine(session.day, session.starts, tzinfo=BERLIN),
            datetime.combine(session.day, session.ends, tzinfo=BERLIN),
            stamp=stamp,
            description="\n".join(filter(None, [speakers, session.description])),
            location=session.room or meeting.venue or "online",
        )
        event.add("url", url)
        calendar.add_component(event)
    if not sessions:
        event = _event(
            f"meeting-{meeting.pk}@{host}",
            meeting.title,
            meeting.starts_at,
            meeting.ends_at,
            stamp=stamp,
            description=meeting.description,
            location=meeting.venue or meeting.get_format_display(),
        )
        event.add("url", url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
