"""Personal data: erasure on request, and the purge once a meeting's retention period ends.

Status, attendance mode and the linked center or partner stay, so counts and statistics
survive; name, e-mail, consents, needs and the personal link go.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from welcome_portal.pagecache import page_cache_bump

from ..models import Invitation, Meeting, Registration, new_token
from .registrations import registration_cancel


def registration_erase(*, registration: Registration) -> None:
    """Withdrawal of the privacy consent: give up the place (promoting the next person) and
    anonymise the registration at once; the personal link stops working."""
    with transaction.atomic():
        if registration.can_change:
            registration_cancel(registration=registration)
        registrations_anonymise(registrations=[registration])


def personal_data_purge(*, now=None) -> int:
    """Anonymise the registrations of every meeting whose retention period has ended.

    Status, attendance mode and the linked center or partner stay, so counts and statistics
    survive; name, e-mail, consents, needs and the personal link go. Idempotent; returns the
    number of registrations anonymised.
    """
    now = now or timezone.now()
    ended = Meeting.objects.filter(ends_at__lt=now, personal_data_purged_at__isnull=True)
    total = 0
    for meeting in ended:
        if meeting.ends_at + timedelta(days=meeting.retention_days) > now:
            continue
        with transaction.atomic():
            total += registrations_anonymise(
                registrations=meeting.registrations.filter(anonymised_at__isnull=True), now=now
            )
            invitations_anonymise(meeting=meeting)
            Meeting.objects.filter(pk=meeting.pk).update(personal_data_purged_at=now)
    return total


def registrations_anonymise(*, registrations, now=None) -> int:
    """Blank the personal fields of these registrations; status and mode stay for the counts."""
    now = now or timezone.now()
    registrations = list(registrations)
    for registration in registrations:
        registration.name = ""
        registration.email = f"anonymised-{registration.pk}@invalid"
        registration.token = new_token()
        registration.accessibility_needs = ""
        registration.privacy_consent_at = registration.listing_consent_at = None
        registration.privacy_consent_version = registration.listing_consent_version = ""
        registration.registered_by = None
        registration.anonymised_at = now
    Registration.objects.bulk_update(
        registrations,
        [
            "name",
            "email",
            "token",
            "accessibility_needs",
            "privacy_consent_at",
            "listing_consent_at",
            "privacy_consent_version",
            "listing_consent_version",
            "registered_by",
            "anonymised_at",
        ],
        batch_size=500,
    )
    page_cache_bump("events")  # the participant list on the meeting page; no signal here
    return len(registrations)


def invitations_anonymise(*, meeting: Meeting) -> None:
    """Blank the personal data of a meeting's invitations and sent e-mails (retention over)."""
    invitations = list(meeting.invitations.all())
    for invitation in invitations:
        invitation.name = invitation.organisation = invitation.last_error = ""
        invitation.email = f"anonymised-{invitation.pk}@invalid"
        invitation.token = new_token()
    fields = ["name", "organisation", "last_error", "email", "token"]
    Invitation.objects.bulk_update(invitations, fields, batch_size=500)
    meeting.outbox_messages.update(email="anonymised@invalid", last_error="")
