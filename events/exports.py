"""Participant lists as CSV/XLSX (inert cells) and a participant's own data as JSON."""

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import openpyxl
from django.utils.translation import gettext as _

from welcome_portal.textinput import plain_text

from .links import absolute
from .models import Registration

# C0 controls and DEL go (openpyxl refuses them, and they hide text); tab and newline stay.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A cell starting with one of these is a formula to Excel and LibreOffice (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BERLIN = ZoneInfo("Europe/Berlin")


def inert(value):
    """A text cell that no spreadsheet runs: control characters (and bidi controls, which a
    row stored before they were dropped at input may hold) removed, a leading formula
    character escaped with an apostrophe. Other values pass unchanged."""
    if not isinstance(value, str):
        return value
    formula = value.startswith(FORMULA_START)
    value = plain_text(CONTROL.sub("", value))
    return "'" + value if formula or value.startswith(FORMULA_START) else value


def participant_rows(registrations) -> tuple[list[str], list[list]]:
    """Headers and one row per registration: attendance and status as their stored values
    (SPEC), each with its label in the page's language beside it; times in Berlin time. New
    columns go at the end: the names and places of the others are a contract."""
    headers = [
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Welcome Center or partner"),
        "attendance",
        _("Attendance"),
        "status",
        _("Status"),
        _("Position on the waiting list"),
        _("Listed as participant"),
        _("Accessibility needs"),
        _("Registered (Berlin time)"),
        _("Checked in (Berlin time)"),
        _("Directory entry (link)"),
    ]
    rows = [
        [
            r.name,
            r.email,
            r.organisation,
            str(r.center or r.partner or ""),
            r.attendance_mode,
            r.get_attendance_mode_display(),
            r.status,
            r.get_status_display(),
            r.waitlist_position,
            _("yes") if r.listing_consent_at else _("no"),
            r.accessibility_needs,
            berlin(r.created_at),
            berlin(r.attended_at),
            directory_link(r),
        ]
        for r in registrations
    ]
    return headers, rows


def directory_link(registration) -> str:
    """The page of the center or partner the organisation was matched to, if any."""
    entry = registration.center or registration.partner
    return absolute(entry.get_absolute_url()) if entry else ""


def berlin(moment):
    """A stored time as Berlin wall-clock time without a zone (spreadsheets know no zones)."""
    return moment.astimezone(BERLIN).replace(tzinfo=None) if moment else None


def as_csv(headers, rows, *, delimiter: str) -> bytes:
    """UTF-8 with a BOM, so that Excel reads the umlauts; `;` is what German Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(
            [
                ""
                if v is None
                else v.strftime("%Y-%m-%d %H:%M")
                if isinstance(v, datetime)
                else inert(v)
                for v in row
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(headers, rows, *, title: str) -> bytes:
    """Text cells written as text (never formulas), times as real dates."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    for row in rows:
        sheet.append([inert(v) for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would store "=..." as a formula
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def own_data(registration: Registration) -> dict:
    """Everything stored about one participant, for the download on their personal page."""
    meeting = registration.meeting

    def when(value):
        return value.isoformat() if value else None

    return {
        "meeting": {
            "title": meeting.title,
            "slug": meeting.slug,
            "starts_at": when(meeting.starts_at),
        },
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "center": str(registration.center) if registration.center_id else None,
        "partner": str(registration.partner) if registration.partner_id else None,
        "attendance_mode": registration.attendance_mode,
        "status": registration.status,
        "waitlist_position": registration.waitlist_position,
        "language": registration.language,
        "accessibility_needs": registration.accessibility_needs,
        "privacy_consent": {
            "given_at": when(registration.privacy_consent_at),
            "version": registration.privacy_consent_version,
        },
        "participant_list_consent": {
            "given_at": when(registration.listing_consent_at),
            "version": registration.listing_consent_version,
        },
        "checked_in_at": when(registration.attended_at),
        "created_at": when(registration.created_at),
        "updated_at": when(registration.updated_at),
        "personal_data_deleted_after": when(meeting.retention_ends_at),
    }
