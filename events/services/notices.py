"""Handing outbox rows to the workers, and the notices about a registration change.

Rows are written in the caller's transaction and enqueued only after it commits. If the broker
is unreachable then, the rows stay pending and the beat's sweep sends them later.
"""

import logging
from functools import partial

from django.db import transaction
from kombu.exceptions import OperationalError

from ..models import OutboxMessage, Registration

logger = logging.getLogger(__name__)


def enqueue(kind: str, ids: list[int]) -> None:
    """Hand rows to the broker; if it is down, log it: the sweep picks the rows up later."""
    # Tasks sit above services (they call them); the task is needed only when rows are handed
    # out, so it is looked up here rather than imported at the top.
    from ..tasks import dispatch_outbox  # noqa: PLC0415

    try:
        dispatch_outbox.apply_async(args=[kind, ids], retry=False)
    except (OperationalError, OSError):
        logger.warning("broker unreachable: %d %s rows wait for the sweep", len(ids), kind)


def enqueue_on_commit(kind: str, ids: list[int]) -> None:
    if ids:
        transaction.on_commit(partial(enqueue, kind, ids))


def registration_notify(*, registration: Registration, kind: str) -> None:
    """Store the notice about a registration change ("confirmed", "waitlisted", "promoted",
    "cancelled" or "mode_switched") in the caller's transaction, so that it is never lost and
    never sent for a change that rolled back."""
    message = OutboxMessage.objects.create(
        kind=kind,
        meeting_id=registration.meeting_id,
        registration=registration,
        email=registration.email,
        language=registration.language,
    )
    enqueue_on_commit("message", [message.pk])
