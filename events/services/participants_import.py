"""Adding many participants at once: read the list, check every row, then write all or none."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from ..models import AttendanceMode, Meeting, Registration
from .people_lists import read_people
from .registrations import registration_create

MODE_WORDS = {
    "on_site": AttendanceMode.ON_SITE,
    "on site": AttendanceMode.ON_SITE,
    "onsite": AttendanceMode.ON_SITE,
    "vor ort": AttendanceMode.ON_SITE,
    "präsenz": AttendanceMode.ON_SITE,
    "online": AttendanceMode.ONLINE,
}
NAME_LENGTH = Registration._meta.get_field("name").max_length
ORGANISATION_LENGTH = Registration._meta.get_field("organisation").max_length


@dataclass
class Row:
    line: int
    name: str
    email: str
    organisation: str
    mode: str
    errors: list[str] = field(default_factory=list)
    waitlist_position: int | None = None  # the preview's forecast; None: a seat


def forecast_places(rows: list[Row], *, meeting: Meeting) -> dict[str, int]:
    """Who would get a seat and who would go onto the waiting list, in the list's order, as
    registration_create would decide it now; returns the counts for the preview's summary."""
    left = {row["mode"]: row["left"] for row in meeting.seat_table()}
    waiting = dict(
        meeting.registrations.filter(status=Registration.Status.WAITLISTED)
        .values_list("attendance_mode")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {"confirmed": 0, "waitlisted": 0}
    for row in rows:
        mode = MODE_WORDS.get(row.mode)
        if mode is None or mode not in left:
            continue
        if left[mode] is None or left[mode] > 0:
            if left[mode] is not None:
                left[mode] -= 1
            counts["confirmed"] += 1
        else:
            waiting[mode] = waiting.get(mode, 0) + 1
            row.waitlist_position = waiting[mode]
            counts["waitlisted"] += 1
    return counts


def parse_participants(text: str, *, meeting: Meeting) -> list[Row]:
    """Every non-empty line as a Row with its errors (bad fields, duplicates, already there)."""
    lines, errors = read_people(text, email_column=1)
    rows = [
        _checked(
            Row(line.number, line.cell(0), line.cell(1), line.cell(2), line.cell(3).lower()),
            meeting,
            line.errors,
        )
        for line in lines
    ]
    _mark_duplicates(rows, meeting)
    if errors and rows:
        rows[-1].errors.extend(errors)
    elif errors:
        rows.append(Row(0, "", "", "", "", errors))
    return rows


def _checked(row: Row, meeting: Meeting, read_errors: list[str]) -> Row:
    row.errors.extend(read_errors)
    if not row.name and not read_errors:
        row.errors.append(_("The name is missing."))
    if len(row.name) > NAME_LENGTH:
        row.errors.append(_("The name is longer than %(n)d characters.") % {"n": NAME_LENGTH})
    if len(row.organisation) > ORGANISATION_LENGTH:
        message = _("The organisation is longer than %(n)d characters.")
        row.errors.append(message % {"n": ORGANISATION_LENGTH})
    if not row.mode and len(meeting.modes) == 1:
        row.mode = meeting.modes[0]
    row.mode = MODE_WORDS.get(row.mode, row.mode)
    if row.mode not in meeting.modes and not read_errors:
        row.errors.append(
            _("Attendance must be one of: %(modes)s.") % {"modes": ", ".join(meeting.modes)}
        )
    return row


def _mark_duplicates(rows: list[Row], meeting: Meeting) -> None:
    emails = {row.email.casefold() for row in rows}
    registered = {
        email.casefold()
        for email in Registration.objects.filter(meeting=meeting).values_list("email", flat=True)
        if email.casefold() in emails
    }
    seen: set[str] = set()
    for row in rows:
        key = row.email.casefold()
        if not key:
            continue
        if key in registered:
            row.errors.append(_("Already registered."))
        elif key in seen:
            row.errors.append(_("Appears twice in the list."))
        seen.add(key)


def participants_import(*, meeting: Meeting, rows: list[Row], registered_by) -> list[Registration]:
    """Register every row in one transaction, under the usual capacity rules; rows must be
    free of errors (parse_participants). Nothing is written if any registration fails."""
    if not rows or any(row.errors for row in rows):
        raise ValidationError(_("Nothing was imported: the list has errors."))
    with transaction.atomic():
        return [
            registration_create(
                meeting=meeting,
                name=row.name,
                email=row.email,
                organisation=row.organisation,
                attendance_mode=row.mode,
                privacy_consent=False,
                registered_by=registered_by,
            )
            for row in rows
        ]
