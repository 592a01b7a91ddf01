"""Building the e-mails of an outbox row: in the recipient's language, text and HTML, .ics."""

from functools import lru_cache
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .invitation_models import Invitation, OutboxMessage

Kind = OutboxMessage.Kind

SUBJECTS = {
    "invitation": _("Invitation: %(title)s"),
    Kind.INVITATION_REMINDER: _("Reminder: your invitation to %(title)s"),
    Kind.PARTICIPANT_REMINDER: _("Soon: %(title)s"),
    Kind.CONFIRMED: _("Registration confirmed: %(title)s"),
    Kind.WAITLISTED: _("On the waiting list: %(title)s"),
    Kind.PROMOTED: _("A seat for you: %(title)s"),
    Kind.CANCELLED: _("Registration cancelled: %(title)s"),
    Kind.MODE_SWITCHED: _("Attendance changed: %(title)s"),
}
TEMPLATES = {
    "invitation": "invitation",
    Kind.INVITATION_REMINDER: "invitation",
    Kind.PARTICIPANT_REMINDER: "participant_reminder",
}


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def mail_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def meeting_ics(meeting) -> bytes:
    """The meeting as one iCalendar event (METHOD:PUBLISH: an entry, not a meeting request)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Welcome Portal//events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{mail_domain()}")
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", meeting.title)
    event.add("url", absolute(meeting.get_absolute_url()))
    if meeting.venue:
        event.add("location", meeting.venue)
    calendar.add_component(event)
    return calendar.to_ical()


@lru_cache(maxsize=64)
def _meeting_parts(meeting, updated_at, language: str, site: str) -> tuple[str, str, bytes]:
    """The parts every recipient of one meeting shares (text, HTML, .ics), rendered once per
    worker process, meeting version and language: a batch of thousands renders them once."""
    context = {"meeting": meeting, "programme_url": absolute(meeting.get_absolute_url())}
    text = render_to_string("events/email/_when.txt", context)
    html = render_to_string("events/email/_when.html", context)
    return text, html, meeting_ics(meeting)


def _context(row) -> dict:
    meeting = row.meeting
    when_text, when_html, ics = _meeting_parts(
        meeting, meeting.updated_at, row.language, settings.SITE_URL
    )
    context = {"meeting": meeting, "when_text": when_text, "when_html": when_html, "ics": ics}
    invitation = row if isinstance(row, Invitation) else row.invitation
    registration = getattr(row, "registration", None)
    if invitation is not None:
        context["invitation"] = invitation
        context["name"] = invitation.name
        token = [invitation.token]
        context["accept_url"] = absolute(reverse("events:invitation_accept", args=token))
        context["decline_url"] = absolute(reverse("events:invitation_decline", args=token))
        context["deadline"] = meeting.registration_closes_at
    if registration is not None:
        context["registration"] = registration
        context["name"] = registration.name
        context["personal_url"] = absolute(registration.get_absolute_url())
        # The online link only while the person holds a seat online.
        if registration.is_confirmed and registration.attendance_mode == "online":
            context["online_link"] = meeting.online_link
    return context


def build_message(row: Invitation | OutboxMessage) -> EmailMultiAlternatives:
    """The e-mail for an invitation or an outbox message, ready for an SMTP connection."""
    kind = "invitation" if isinstance(row, Invitation) else row.kind
    with translation.override(row.language):
        context = {**_context(row), "kind": kind, "language": row.language}
        context["reminder"] = kind == Kind.INVITATION_REMINDER
        template = TEMPLATES.get(kind, "registration_notice")
        subject = SUBJECTS[kind] % {"title": row.meeting.title}
        text = render_to_string(f"events/email/{template}.txt", context)
        html = render_to_string(f"events/email/{template}.html", context)
        ics = context["ics"] if kind != Kind.CANCELLED else None
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.email],
        headers={
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
            "Message-ID": message_id(row),
        },
    )
    message.attach_alternative(html, "text/html")
    if ics:
        message.attach("meeting.ics", ics, "text/calendar")
    return message


def message_id(row) -> str:
    """Stable per row, so a resent copy carries the same id and receivers can drop it."""
    prefix = "invitation" if isinstance(row, Invitation) else row.kind.replace("_", "-")
    return f"<{prefix}.{row.pk}.{row.meeting_id}@{mail_domain()}>"
