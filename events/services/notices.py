"""Handing outbox rows to the workers, and the notices about a registration change.

Rows are written in the caller's transaction and enqueued only after it commits. If the broker
is unreachable then, the rows stay pending and the beat's sweep sends them later.
"""

import logging
from datetime import timedelta
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from ..models import OutboxMessage, Registration

logger = logging.getLogger(__name__)


def kick_key(kind: str) -> str:
    """The flag on the shared cache that says a wake-up task for `kind` waits in the queue."""
    return f"outbox:kick:{kind}"


# Longer than a wake-up task waits behind a fan-out; if one is lost, the next commit after this
# sends another (and the sweep finds the rows anyway).
KICK_TIMEOUT = 60


def enqueue(kind: str) -> None:
    """Wake the workers for the new rows of `kind`: one task finds every row not tried yet.

    While a wake-up task waits in the queue (its flag is on the cache) nothing more is queued:
    it has not looked yet, so it will find these rows too. In a rush of registrations that is
    a round trip to the cache per request instead of a task, and the workers send in batches.
    If the broker is down, log it: the sweep picks the rows up later.
    """
    # Tasks sit above services (they call them); the task is needed only when rows are handed
    # out, so it is looked up here rather than imported at the top.
    from ..tasks import send_new_rows  # noqa: PLC0415

    if not cache.add(kick_key(kind), 1, timeout=KICK_TIMEOUT):
        return
    try:
        send_new_rows.apply_async(args=[kind], retry=False)
    except (OperationalError, OSError):
        cache.delete(kick_key(kind))  # the next commit tries again
        logger.warning("broker unreachable: new %s rows wait for the sweep", kind)


def woken(kind: str) -> None:
    """The wake-up task for `kind` starts looking: from now on a commit queues a new one."""
    cache.delete(kick_key(kind))


def enqueue_on_commit(kind: str, ids: list[int]) -> None:
    """After the commit, wake the workers for the rows of `ids` (nothing if there are none)."""
    if ids:
        transaction.on_commit(partial(enqueue, kind))


# Whoever holds a personal link (or typed someone else's address into the form) can switch
# modes, cancel and register again: each sends a notice. Past this many within the window, the
# change still happens but sends nothing, so nobody's mailbox can be filled through the portal.
PARTICIPANT_NOTICES_PER_WINDOW = 3
PARTICIPANT_NOTICE_WINDOW = timedelta(hours=1)


def recent_participant_notices(meeting_id: int, email: str):
    """The notices about registrations sent to this address for this meeting within the window
    (whichever registration row: cancelling and registering again counts too)."""
    return OutboxMessage.objects.filter(
        meeting_id=meeting_id,
        email__iexact=email,
        registration__isnull=False,
        created_at__gte=timezone.now() - PARTICIPANT_NOTICE_WINDOW,
    )


def participant_notice_allowed(meeting_id: int, email: str) -> bool:
    """Whether a change the participant makes may still send a notice to this address."""
    return recent_participant_notices(meeting_id, email).count() < PARTICIPANT_NOTICES_PER_WINDOW


def registration_notify(
    *, registration: Registration, kind: str, by_participant: bool = False
) -> None:
    """Store the notice about a registration change ("confirmed", "waitlisted", "promoted",
    "cancelled" or "mode_switched") in the caller's transaction, so that it is never lost and
    never sent for a change that rolled back. A change `by_participant` sends nothing past
    PARTICIPANT_NOTICES_PER_WINDOW notices."""
    if by_participant and not participant_notice_allowed(
        registration.meeting_id, registration.email
    ):
        logger.info("notice %s to registration %s held back: too many", kind, registration.pk)
        return
    message = OutboxMessage.objects.create(
        kind=kind,
        meeting_id=registration.meeting_id,
        registration=registration,
        email=registration.email,
        language=registration.language,
    )
    enqueue_on_commit("message", [message.pk])
