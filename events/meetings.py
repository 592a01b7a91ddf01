"""Writes on whole meetings: next year's copy and the privacy purge."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .invitation_services import invitations_anonymise
from .models import Meeting, Registration, new_token


def _next_year(value):
    """The same calendar day and time a year later (28 February for 29 February)."""
    if value is None:
        return None
    try:
        return value.replace(year=value.year + 1)
    except ValueError:
        return value.replace(year=value.year + 1, day=28)


@transaction.atomic
def meeting_copy_as_next_year(*, meeting: Meeting) -> Meeting:
    """A draft of next year's meeting: programme structure, organizers, seats and texts copied,
    every date moved by a year, no participants. The slug gets the new year."""
    copy = Meeting.objects.get(pk=meeting.pk)
    copy.pk = None
    copy.year = meeting.year + 1
    copy.status = Meeting.Status.DRAFT
    copy.personal_data_purged_at = None
    for field in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        setattr(copy, field, _next_year(getattr(meeting, field)))
    base = meeting.slug.removesuffix(str(meeting.year)).rstrip("-") or "meeting"
    copy.slug = f"{base}-{copy.year}"
    suffix = 2
    while Meeting.objects.filter(slug=copy.slug).exists():
        copy.slug = f"{base}-{copy.year}-{suffix}"
        suffix += 1
    copy.save()
    copy.organizers.set(meeting.organizers.all())
    for session in meeting.sessions.prefetch_related("speakers", "topics"):
        speakers, topics = list(session.speakers.all()), list(session.topics.all())
        session.pk = None
        session.meeting = copy
        session.day = _next_year(session.day)
        session.save()
        session.speakers.set(speakers)
        session.topics.set(topics)
    return copy


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
    return len(registrations)
