"""The beat task that enforces each meeting's retention period (see events.meetings)."""

from celery import shared_task

from .meetings import personal_data_purge


@shared_task(name="events.purge_personal_data", ignore_result=True)
def purge_personal_data() -> int:
    """Daily: anonymise registrations past their meeting's retention period (idempotent)."""
    return personal_data_purge()
