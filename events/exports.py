"""Participant lists as CSV/XLSX (tablib) and a participant's own data as JSON."""

import tablib
from django.utils.translation import gettext as _

from .models import Registration


def participants_dataset(registrations) -> tablib.Dataset:
    """One row per registration; statuses and modes as their stored values, which other tools
    read."""
    headers = [
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Attendance"),
        _("Status"),
        _("Position on the waiting list"),
        _("Listed as participant"),
        _("Accessibility needs"),
        _("Registered"),
    ]
    data = tablib.Dataset(headers=headers, title=_("Participants"))
    for r in registrations:
        data.append(
            [
                r.name,
                r.email,
                r.organisation,
                r.attendance_mode,
                r.status,
                r.waitlist_position or "",
                _("yes") if r.listing_consent_at else _("no"),
                r.accessibility_needs,
                r.created_at.strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return data


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
