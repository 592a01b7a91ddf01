"""Celery tasks of the events app: thin, idempotent, keyed by primary keys.

Every task acknowledges late (settings: CELERY_TASK_ACKS_LATE and _REJECT_ON_WORKER_LOST), so
a worker that dies hands its task back to the broker; the rows themselves make a second run
harmless, because only rows still pending are claimed.
"""

from celery import shared_task
from django.conf import settings

from . import services
from .outbox import delivery, recovery


@shared_task(name="events.dispatch_outbox", ignore_result=True)
def dispatch_outbox(kind: str, ids: list[int]) -> None:
    """Fan out: one send task per batch of rows."""
    size = settings.INVITATION_BATCH_SIZE
    for start in range(0, len(ids), size):
        send_outbox_batch.apply_async(args=[kind, ids[start : start + size]])


@shared_task(name="events.send_new_rows", ignore_result=True)
def send_new_rows(kind: str) -> None:
    """Woken after a commit (services.notices.enqueue): fan out every row of `kind` not tried
    yet. The flag goes first: a row committed after this looked raises a new task."""
    services.woken(kind)
    ids = delivery.untried(kind)
    dispatch_outbox(kind, ids)
    if len(ids) == delivery.UNTRIED_LIMIT:  # more wait: look again once these are queued
        services.enqueue(kind)


@shared_task(name="events.send_outbox_batch", bind=True, ignore_result=True, max_retries=None)
def send_outbox_batch(self, kind: str, ids: list[int]) -> None:
    """Send a batch over one SMTP connection; retry the rows that met a temporary error."""
    worker = None if self.request.is_eager else self.request.hostname
    again = delivery.send_batch(kind=kind, ids=ids, retries=self.request.retries, worker=worker)
    if again:
        countdown = delivery.retry_delay(self.request.retries)
        raise self.retry(args=[kind, again], countdown=countdown)


@shared_task(name="events.sweep_outbox", ignore_result=True)
def sweep_outbox(worker: str | None = None, main_pid: int | None = None) -> None:
    """Beat, and each worker when it (re)connects: re-enqueue rows whose holder is gone or
    whose task was lost (outbox.recovery); `worker`, `main_pid` name the worker connecting."""
    restarted = (worker, main_pid) if worker and main_pid else None
    for kind, ids in recovery.sweep(restarted=restarted).items():
        dispatch_outbox.apply_async(args=[kind, ids])


@shared_task(name="events.send_due_reminders", ignore_result=True)
def send_due_reminders() -> None:
    """Beat: record the reminders that are due (each at most once) and send them."""
    services.reminders_record_due()


@shared_task(name="events.purge_personal_data", ignore_result=True)
def purge_personal_data() -> int:
    """Daily: anonymise registrations past their meeting's retention period (idempotent)."""
    return services.personal_data_purge()
