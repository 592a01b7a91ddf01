"""Sending outbox rows (invitations and other messages) exactly once, through SMTP faults.

Each row is claimed with a conditional UPDATE (pending → sending) right before its SMTP
transaction and marked sent right after, so a task that runs twice finds nothing left to claim.
Only a row whose SMTP transaction was in flight when the worker died can go out twice: it stays
`sending` until the sweep hands it out again.
"""

import logging
import secrets
import smtplib
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from welcome_portal import metrics

from ..models import Delivery, Invitation, OutboxMessage
from .messages import build_message, smtp_envelope

logger = logging.getLogger(__name__)

MODELS = {"invitation": Invitation, "message": OutboxMessage}
PENDING, SENDING, SENT, FAILED = (
    Delivery.PENDING,
    Delivery.SENDING,
    Delivery.SENT,
    Delivery.FAILED,
)


def classify(exc: Exception) -> tuple[bool, str, bool]:
    """(permanent?, reason, connection lost?) for an exception of an SMTP send."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
        return code >= 500, _reason(code, text), False
    if isinstance(exc, smtplib.SMTPResponseException):
        lost = exc.smtp_code == 421
        return exc.smtp_code >= 500, _reason(exc.smtp_code, exc.smtp_error), lost
    # Refused or dropped connections, timeouts: all temporary, and the connection is gone.
    return False, f"{type(exc).__name__}: {exc}", True


def _reason(code: int, text) -> str:
    text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {text}".strip()


def retry_delay(retries: int) -> float:
    """Exponential backoff with jitter: half the capped delay plus up to the other half."""
    capped = min(settings.INVITATION_RETRY_MAX_DELAY, settings.INVITATION_RETRY_DELAY * 2**retries)
    return capped / 2 + secrets.SystemRandom().uniform(0, capped / 2)


RELATED = {"invitation": ["meeting"], "message": ["meeting", "invitation", "registration"]}


def claim(row) -> bool:
    """True if this worker won the row (pending → sending); then it must send it."""
    won = (
        type(row)
        .objects.filter(pk=row.pk, status=PENDING)
        .update(status=SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1)
    )
    row.attempts += 1
    return bool(won)


def _outcome(row, exc: Exception, delay: float) -> tuple[dict, bool, bool]:
    """(fields to store, retry it?, connection lost?) after a failed SMTP send."""
    permanent, reason, lost = classify(exc)
    if permanent:
        return {"status": FAILED, "last_error": reason}, False, lost
    if row.attempts >= settings.INVITATION_MAX_ATTEMPTS:
        reason = f"{reason} (gave up after {row.attempts} tries)"
        return {"status": FAILED, "last_error": reason}, False, lost
    due = timezone.now() + timedelta(seconds=delay)
    return {"status": PENDING, "last_error": reason, "due_at": due}, True, lost


def _settle_and_claim(done, row) -> bool:
    """Store the outcome of the previous row and claim the next one in one commit."""
    if connection.vendor == "postgresql":
        return _settle_and_claim_in_one_statement(done, row)
    with transaction.atomic():
        if done is not None:
            previous, fields = done
            type(previous).objects.filter(pk=previous.pk, status=SENDING).update(**fields)
        return row is not None and claim(row)


def _settle_and_claim_in_one_statement(done, row) -> bool:
    """The same as one statement (a data-modifying CTE): one round trip, one commit."""
    if done is None and row is None:
        return False
    quote = connection.ops.quote_name
    table = quote(type(row if row is not None else done[0])._meta.db_table)
    statements, params = [], []
    if done is not None:
        previous, fields = done
        assignments = ", ".join(f"{quote(name)} = %s" for name in fields)
        # Table and column names come from the models, never from input.
        statements.append(
            f"UPDATE {table} SET {assignments} "  # nosec B608
            "WHERE id = %s AND status = 'sending'"
        )
        params += [*fields.values(), previous.pk]
    if row is not None:
        statements.append(
            f"UPDATE {table} SET status = 'sending', claimed_at = %s, "  # nosec B608
            "attempts = attempts + 1 WHERE id = %s AND status = 'pending' RETURNING id"
        )
        params += [timezone.now(), row.pk]
        row.attempts += 1
    sql = (
        f"WITH settled AS ({statements[0]}) {statements[1]}"
        if len(statements) == 2
        else statements[0]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return row is not None and cursor.fetchone() is not None


class _Connection:
    """One connection of the configured e-mail backend per batch, opened on the first message.

    Over SMTP a row goes out as the bytes of `smtp_envelope`; the console, file and in-memory
    backends of development and tests take the e-mail object of `build_message`.
    """

    def __init__(self):
        self.backend = get_connection(fail_silently=False)
        self.smtp = isinstance(self.backend, SMTPBackend)
        self.opened = False

    def prepare(self, row):
        return smtp_envelope(row) if self.smtp else build_message(row)

    def send(self, prepared) -> None:
        if not self.opened:
            self.backend.open()
            self.opened = True
        if self.smtp:
            self.backend.connection.sendmail(*prepared)
        else:
            self.backend.send_messages([prepared])

    def close(self) -> None:
        try:
            self.backend.close()
        except Exception:  # closing a broken connection may fail; nothing is lost
            logger.debug("closing the SMTP connection failed", exc_info=True)


def send_batch(*, kind: str, ids: list[int], retries: int = 0) -> list[int]:
    """Send the rows of `ids` still pending over one SMTP connection.

    Each row's outcome is committed right after its SMTP transaction, together with the
    claim of the next row. Returns the ids to try again later, already back in `pending`.
    """
    model, delay = MODELS[kind], retry_delay(retries)
    rows = model.objects.filter(pk__in=ids, status=PENDING).select_related(*RELATED[kind])
    rows = {row.pk: row for row in rows}
    connection, again, done = _Connection(), [], None
    outcomes, started = Counter(), time.monotonic()
    try:
        for position, pk in enumerate(ids):
            row = rows.get(pk)
            outcomes[done[1]["status"] if done else None] += 1
            won, done = _settle_and_claim(done, row), None
            if not won:
                continue
            try:
                prepared = connection.prepare(row)
            except Exception as exc:  # a bug, not a delivery problem: never retried blindly
                logger.exception("cannot build the e-mail of %s %s", kind, pk)
                done = row, {"status": FAILED, "last_error": f"{type(exc).__name__}: {exc}"}
                continue
            try:
                connection.send(prepared)
            except (smtplib.SMTPException, OSError) as exc:
                logger.info("sending %s %s failed: %s", kind, pk, exc)
                fields, retry, lost = _outcome(row, exc, delay)
                done = row, fields
                again += [pk] if retry else []
                if lost:
                    again.extend(ids[position + 1 :])
                    break
            else:
                done = row, {"status": SENT, "sent_at": timezone.now(), "last_error": ""}
    finally:
        outcomes[done[1]["status"] if done else None] += 1
        _settle_and_claim(done, None)
        connection.close()
        _log_batch(kind, ids, outcomes, started)
    return again


def _log_batch(kind: str, ids: list[int], outcomes: Counter, started: float) -> None:
    """One line (JSON in prod) per batch, and the counters behind /metrics."""
    for outcome in (SENT, FAILED, PENDING):
        if outcomes[outcome]:
            metrics.OUTBOX_BATCHES.labels(outcome).inc(outcomes[outcome])
    logger.info(
        "outbox batch",
        extra={
            "kind": kind,
            "rows": len(ids),
            "sent": outcomes[SENT],
            "failed": outcomes[FAILED],
            "retry": outcomes[PENDING],
            "ms": round((time.monotonic() - started) * 1000, 1),
        },
    )


def sweep(*, stuck_after: float | None = None, limit: int = 10_000) -> dict[str, list[int]]:
    """Hand out again rows left `sending` (worker died) or `pending` (never enqueued) too long.

    Returns {kind: ids} that were reset to pending and are due now; the caller enqueues them.
    """
    stuck_after = settings.INVITATION_STUCK_AFTER if stuck_after is None else stuck_after
    # A pending row due this long ago has lost its task (the enqueue failed, Redis restarted):
    # handed out again soon, so that mail is back within a minute or two of the broker; a
    # duplicate task is harmless, the claim decides who sends.
    pending_after = min(stuck_after, settings.OUTBOX_PENDING_AFTER)
    now = timezone.now()
    cutoff = now - timedelta(seconds=stuck_after)
    pending_cutoff = now - timedelta(seconds=pending_after)
    stale = Q(status=SENDING, claimed_at__lte=cutoff) | Q(
        status=PENDING, due_at__lte=pending_cutoff
    )
    found = {}
    for kind, model in MODELS.items():
        with transaction.atomic():
            ids = list(
                model.objects.filter(stale)
                .select_for_update(skip_locked=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:limit]
            )
            model.objects.filter(pk__in=ids).filter(stale).update(status=PENDING, due_at=now)
        if ids:
            logger.warning("sweep: %d %s rows handed out again", len(ids), kind)
            found[kind] = ids
    return found
