"""Adding many participants at once: parse, check every row, then write all or nothing."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from .forms import link_organisation
from .models import AttendanceMode, Meeting, Registration
from .services import registration_create

MODE_WORDS = {
    "on_site": AttendanceMode.ON_SITE,
    "on site": AttendanceMode.ON_SITE,
    "onsite": AttendanceMode.ON_SITE,
    "vor ort": AttendanceMode.ON_SITE,
    "präsenz": AttendanceMode.ON_SITE,
    "online": AttendanceMode.ONLINE,
}
MAX_ROWS = 2000


@dataclass
class Row:
    line: int
    name: str
    email: str
    organisation: str
    mode: str
    errors: list[str] = field(default_factory=list)


def parse_participants(text: str, *, meeting: Meeting) -> list[Row]:
    """Every non-empty line as a Row with its errors (bad fields, duplicates, already there)."""
    lines = text.strip().splitlines()[: MAX_ROWS + 1]
    dialect = ";" if lines and lines[0].count(";") > lines[0].count(",") else ","
    rows = []
    reader = csv.reader(io.StringIO("\n".join(lines).replace("\0", "")), delimiter=dialect)
    try:
        for number, cells in enumerate(reader, 1):
            cells = [cell.strip() for cell in cells] + ["", "", "", ""]
            if not any(cells) or (number == 1 and cells[1].lower() in ("email", "e-mail")):
                continue
            rows.append(_checked(Row(number, *cells[:3], cells[3].lower()), meeting))
    except csv.Error:
        unreadable = Row(reader.line_num, "", "", "", "")
        unreadable.errors.append(_("This line cannot be read as CSV."))
        rows.append(unreadable)
    _mark_duplicates(rows, meeting)
    if len(lines) > MAX_ROWS:
        rows[-1].errors.append(_("At most %(n)d rows at once.") % {"n": MAX_ROWS})
    return rows


def _checked(row: Row, meeting: Meeting) -> Row:
    if not row.name:
        row.errors.append(_("The name is missing."))
    try:
        validate_email(row.email)
    except ValidationError:
        row.errors.append(_("“%(value)s” is not an e-mail address.") % {"value": row.email})
    if not row.mode and len(meeting.modes) == 1:
        row.mode = meeting.modes[0]
    row.mode = MODE_WORDS.get(row.mode, row.mode)
    if row.mode not in meeting.modes:
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
                **link_organisation(row.organisation),
            )
            for row in rows
        ]
