"""Who holds a claim, whether they are still alive, and handing out what the dead left behind.

Every claim records its holder: "<Celery node>:<worker's main pid>:<pid of the sending
process>" (`holder_name`). Each sending process of a Celery worker beats (`keep_alive`): a
thread writes `OutboxWorker.seen_at` every `OUTBOX_HEARTBEAT_INTERVAL` seconds, on the
database's clock. `sweep` hands out again

- rows `sending` whose holder has not beaten for `OUTBOX_WORKER_GONE_AFTER` seconds (killed,
  out of memory, host gone) — a holder that still beats keeps its rows, however long it takes;
- rows `sending` held by an earlier run of a worker that has just connected (same node name,
  another main pid: node names are unique, so that run is over), at once;
- rows `sending` longer than `INVITATION_STUCK_AFTER` whose holder never beat (sent in-process,
  claimed before holders were recorded);
- rows `pending` and overdue for `OUTBOX_PENDING_AFTER` seconds: their task was lost (the
  enqueue failed while Redis was down, Redis restarted empty, the worker holding it died).

The beat runs it every `OUTBOX_SWEEP_INTERVAL` seconds, and every worker runs it each time it
(re)connects to the broker (`welcome_portal.worker`), so mail is back within a minute of a
worker or of Redis. A task enqueued twice is harmless: the claim decides who sends.
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from billiard.process import current_process
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone

from ..models import Delivery, Invitation, OutboxMessage, OutboxWorker

logger = logging.getLogger(__name__)

MODELS = {"invitation": Invitation, "message": OutboxMessage}
PRUNE_AFTER = timedelta(days=1)


def holder_name(node: str | None = None) -> str:
    """This process as a claim's holder; `node` is the Celery node name (None: in-process)."""
    pid = os.getpid()
    # A prefork pool process belongs to its parent, the worker's main process.
    main = os.getppid() if current_process().name != "MainProcess" else pid
    return f"{node or socket.gethostname()}:{main}:{pid}"


_alive_in: int | None = None  # the pid whose heartbeat thread runs (a fork starts its own)


def keep_alive(name: str) -> None:
    """Beat now and every few seconds from a thread, once per process: before its first claim."""
    global _alive_in
    if _alive_in == os.getpid():
        return
    beat(name)
    thread = threading.Thread(target=_beat_forever, args=(name,), name="outbox-beat", daemon=True)
    thread.start()
    _alive_in = os.getpid()


def beat(name: str) -> None:
    if not OutboxWorker.objects.filter(name=name).update(seen_at=Now()):
        OutboxWorker.objects.get_or_create(
            name=name, defaults={"started_at": Now(), "seen_at": Now()}
        )


def _beat_forever(name: str) -> None:
    while True:
        time.sleep(settings.OUTBOX_HEARTBEAT_INTERVAL)
        try:
            beat(name)
        except Exception:  # the database went away: beat again on a fresh connection
            logger.warning("outbox heartbeat of %s failed", name, exc_info=True)
            connection.close()


def _stale(*, stuck_after: float, restarted: tuple[str, int] | None) -> Q:
    gone = OutboxWorker.objects.filter(
        seen_at__lt=Now() - timedelta(seconds=settings.OUTBOX_WORKER_GONE_AFTER)
    ).values("name")
    beating = OutboxWorker.objects.values("name")
    now = timezone.now()
    held_by_the_dead = Q(claimed_by__in=gone) | (
        Q(claimed_at__lte=now - timedelta(seconds=stuck_after)) & ~Q(claimed_by__in=beating)
    )
    if restarted:
        node, main_pid = restarted
        held_by_the_dead |= Q(claimed_by__startswith=f"{node}:") & ~Q(
            claimed_by__startswith=f"{node}:{main_pid}:"
        )
    # A pending row due this long ago has lost its task; handed out again at the next sweep.
    pending_after = min(stuck_after, settings.OUTBOX_PENDING_AFTER)
    lost = Q(status=Delivery.PENDING, due_at__lte=now - timedelta(seconds=pending_after))
    return (Q(status=Delivery.SENDING) & held_by_the_dead) | lost


def sweep(
    *,
    stuck_after: float | None = None,
    restarted: tuple[str, int] | None = None,
    limit: int = 10_000,
) -> dict[str, list[int]]:
    """Reset the rows described in the module's doc to pending, due now; {kind: ids} of them.

    `restarted` is (node name, main pid) of a worker that has just connected. The caller
    enqueues the ids.
    """
    stuck_after = settings.INVITATION_STUCK_AFTER if stuck_after is None else stuck_after
    stale, found = _stale(stuck_after=stuck_after, restarted=restarted), {}
    for kind, model in MODELS.items():
        with transaction.atomic():
            ids = list(
                model.objects.filter(stale)
                .select_for_update(skip_locked=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:limit]
            )
            model.objects.filter(pk__in=ids).filter(stale).update(
                status=Delivery.PENDING, due_at=timezone.now()
            )
        if ids:
            logger.warning("sweep: %d %s rows handed out again", len(ids), kind)
            found[kind] = ids
    OutboxWorker.objects.filter(seen_at__lt=Now() - PRUNE_AFTER).delete()
    return found
