"""Building the e-mails of an outbox row: in the recipient's language, text and HTML, .ics."""

import re
import secrets
from email.utils import formatdate
from functools import lru_cache

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import RFC5322_EMAIL_LINE_LENGTH_LIMIT, sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from ..calendar import meeting_calendar
from ..links import absolute, site_host
from ..models import TOKEN_PATTERN, Invitation, OutboxMessage

Kind = OutboxMessage.Kind

SUBJECTS = {
    "invitation": _("Invitation: %(title)s"),
    Kind.INVITATION_REMINDER: _("Reminder of your invitation: %(title)s"),
    Kind.PARTICIPANT_REMINDER: _("Soon: %(title)s"),
    Kind.CONFIRMED: _("Registration confirmed: %(title)s"),
    Kind.WAITLISTED: _("On the waiting list: %(title)s"),
    Kind.PROMOTED: _("A seat for you: %(title)s"),
    Kind.CANCELLED: _("Registration cancelled: %(title)s"),
    Kind.MODE_SWITCHED: _("Attendance changed: %(title)s"),
    Kind.PERSONAL_LINK: _("Your personal link: %(title)s"),
}
TEMPLATES = {
    "invitation": "invitation",
    Kind.INVITATION_REMINDER: "invitation",
    Kind.PARTICIPANT_REMINDER: "participant_reminder",
}


@lru_cache(maxsize=64)
def _meeting_parts(meeting, updated_at, language: str, site: str) -> tuple[str, str, bytes]:
    """The parts every recipient of one meeting shares (text, HTML, .ics), rendered once per
    worker process, meeting version and language: a batch of thousands renders them once."""
    context = {"meeting": meeting, "programme_url": absolute(meeting.get_absolute_url())}
    text = render_to_string("events/email/_when.txt", context)
    html = render_to_string("events/email/_when.html", context)
    return text, html, meeting_calendar(meeting)


def _context(row) -> dict:
    meeting = row.meeting
    when_text, when_html, ics = _meeting_parts(
        meeting, meeting.updated_at, row.language, settings.SITE_URL
    )
    context = {"meeting": meeting, "when_text": when_text, "when_html": when_html, "ics": ics}
    context["imprint_url"] = absolute(reverse("imprint"))
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
        if registration.sees_online_link:
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
        reply_to=reply_to(row.meeting),
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


def reply_to(meeting) -> list[str]:
    """Answers go to the meeting's organizers (people to answer to, not a no-reply box)."""
    return sorted(meeting.organizers.exclude(email="").values_list("email", flat=True))


def message_id(row) -> str:
    """Stable per row, so a resent copy carries the same id and receivers can drop it."""
    prefix = "invitation" if isinstance(row, Invitation) else row.kind.replace("_", "-")
    return f"<{prefix}.{row.pk}.{row.meeting_id}@{site_host()}>"


def smtp_envelope(row: Invitation | OutboxMessage) -> tuple[str, list[str], bytes]:
    """(sender, recipients, message bytes) for `smtplib.SMTP.sendmail`, as Django's SMTP
    backend would send `build_message(row)`; invitations come from their meeting's skeleton."""
    charset = settings.DEFAULT_CHARSET
    sender = _sender(settings.DEFAULT_FROM_EMAIL, charset)
    recipient = sanitize_address(row.email, charset)
    data = _from_skeleton(row, recipient) if isinstance(row, Invitation) else None
    return sender, [recipient], data or flatten(build_message(row).message())


@lru_cache(maxsize=8)
def _sender(from_email: str, charset: str) -> str:
    return sanitize_address(from_email, charset)  # parsing an address costs 0.1 ms: once


def flatten(mime) -> bytes:
    """A MIME message as the bytes of an SMTP DATA command."""
    for part in mime.walk():
        if part.is_multipart():
            # A random boundary of 128 bits cannot occur in the parts by chance. Left unset, the
            # generator invents one and compiles a new regular expression to check it against
            # the whole text: a third of the cost of flattening a message.
            part.set_boundary(f"=_{secrets.token_hex(16)}")
    return mime.as_bytes(linesep="\r\n")


# An invitation goes out by the thousand, and rendering and MIME-encoding one costs about 1.5 ms
# of CPU, most of the sending worker's time. All invitations of one meeting, language and kind
# of greeting are the same bytes but for a few values, so the e-mail is built once with stand-ins
# (the skeleton) and each recipient's copy replaces them. The name's stand-in has an "&" so that
# its escaped form shows where the templates escape it (HTML) and where not (text).
_NAME, _TOKEN, _EMAIL = "WpStandInName&", "WpStandInToken", "WpStandInEmail@stand-in.invalid"
_PK, _DATE = "WpStandInPk", "WpStandInDate"  # all begin with "WpStandIn"
_STAND_INS = [escape(_NAME), _NAME, _TOKEN, _EMAIL, _PK, _DATE]  # escaped name before the raw
_STAND_IN = re.compile("|".join(re.escape(value) for value in _STAND_INS).encode())
_TOKEN_CHARACTERS = re.compile(TOKEN_PATTERN)


@lru_cache(maxsize=64)
def _skeleton(meeting, updated_at, language: str, named: bool, site: str) -> tuple | None:
    """(bytes with stand-ins, boundaries) of the invitations of one meeting version, language
    and greeting; None if the stand-ins do not show up as expected (then every copy is built)."""
    stand_in = Invitation(
        pk=_PK,
        meeting=meeting,
        language=language,
        name=_NAME if named else "",
        email=_EMAIL,
        token=_TOKEN,
    )
    mime = build_message(stand_in).message()
    mime.replace_header("Date", _DATE)
    data = flatten(mime)
    found = {value: data.count(value.encode()) for value in _STAND_INS}
    found[_NAME] -= found[escape(_NAME)]  # the escaped form contains the raw one
    once = [_EMAIL, _PK, _DATE] + ([escape(_NAME), _NAME] if named else [])
    transformed = len(re.findall(rb"(?i)wpstandin", data)) != sum(found.values())
    if transformed or any(found[value] != 1 for value in once):
        return None  # a template shows a value in another form: build every copy in full
    boundaries = [part.get_boundary() for part in mime.walk() if part.is_multipart()]
    return data, boundaries


def _from_skeleton(invitation: Invitation, recipient: str) -> bytes | None:
    """The invitation's bytes from its skeleton, or None where only the full build is exact."""
    meeting, name = invitation.meeting, invitation.name
    skeleton = _skeleton(
        meeting, meeting.updated_at, invitation.language, bool(name), settings.SITE_URL
    )
    if skeleton is None or not _TOKEN_CHARACTERS.fullmatch(invitation.token):
        return None
    data, boundaries = skeleton
    if len(name.splitlines()) > 1 or any(b in name or b in recipient for b in boundaries):
        return None
    values = {
        escape(_NAME): escape(name),
        _NAME: name,
        _TOKEN: invitation.token,
        _EMAIL: recipient,
        _PK: str(invitation.pk),
        _DATE: formatdate(localtime=settings.EMAIL_USE_LOCALTIME),
    }
    encoded = {stand_in.encode(): value.encode() for stand_in, value in values.items()}
    data = _STAND_IN.sub(lambda match: encoded[match.group()], data)
    # Django encodes a part quoted-printable once a line is longer than SMTP allows; a long
    # name can do that, and then only the full build is exact.
    if any(len(line) > RFC5322_EMAIL_LINE_LENGTH_LIMIT for line in data.split(b"\r\n")):
        return None
    return data
