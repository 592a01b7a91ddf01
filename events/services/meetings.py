"""Writes on whole meetings: next year's copy."""

from django.db import transaction

from ..models import Meeting


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
    copy.copied_from = meeting
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
