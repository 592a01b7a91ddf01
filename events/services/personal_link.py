"""'Send me my personal link again': the same answer for every address, a mail only to one
that is registered."""

from django.db import transaction

from ..models import Meeting
from .notices import registration_notify


def registration_send_link(*, meeting: Meeting, email: str) -> None:
    """Queue the personal link of this address's registration, if there is one; the caller
    answers the same either way, so the page tells nobody who is registered."""
    registration = (
        meeting.registrations.filter(email__iexact=email.strip(), anonymised_at__isnull=True)
        .order_by("pk")
        .first()
    )
    if registration is None:
        return
    with transaction.atomic():
        registration_notify(registration=registration, kind="personal_link")
