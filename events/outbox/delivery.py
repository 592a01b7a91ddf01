"""Sending outbox rows (invitations and other messages) exactly once, through SMTP faults.

Each row is claimed with a conditional UPDATE (pending → sending) right before its SMTP
transaction and marked sent right after, so a task that runs twice finds nothing left to claim.
Only a row whose SMTP transaction was in flight when the worker died can go out twice: it stays
`sending`, claimed by the dead process, until `recovery.sweep` hands it out again.
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
from django.db.models import F
from django.utils import timezone

from welcome_portal import metrics

from ..models import Delivery
from . import recovery
from .messages import build_message, smtp_envelope

logger = logging.getLogger(__name__)

MODELS = recovery.MODELS
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


def claim(row, holder: str) -> bool:
    """True if `holder` won the row (pending → sending); then it must send it."""
    won = (
        type(row)
        .objects.filter(pk=row.pk, status=PENDING)
        .update(
            status=SENDING,
            claimed_at=timezone.now(),
            claimed_by=holder,
            attempts=F("attempts") + 1,
        )
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


def _settle_and_claim(done, row, holder: str) -> bool:
    """Store the outcome of the previous row and claim the next one in one commit.

    The outcome is stored only while `holder` still holds the row: once a row was handed out
    again, its new holder's outcome counts.
    """
    if connection.vendor == "postgresql":
        return _settle_and_claim_in_one_statement(done, row, holder)
    with transaction.atomic():
        if done is not None:
            previous, fields = done
            type(previous).objects.filter(pk=previous.pk, status=SENDING, claimed_by=holder).update(
                **fields
            )
        return row is not None and claim(row, holder)


def _settle_and_claim_in_one_statement(done, row, holder: str) -> bool:
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
            "WHERE id = %s AND status = 'sending' AND claimed_by = %s"
        )
        params += [*fields.values(), previous.pk, holder]
    if row is not None:
        statements.append(
            f"UPDATE {table} SET status = 'sending', claimed_at = %s, claimed_by = %s, "  # nosec B608
            "attempts = attempts + 1 WHERE id = %s AND status = 'pending' RETURNING id"
        )
        params += [timezone.now(), holder, row.pk]
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


UNTRIED_LIMIT = 10_000


def untried(kind: str) -> list[int]:
    """Ids of the rows of `kind` pending and never tried, oldest first (at most UNTRIED_LIMIT).

    A row waiting for its retry has been tried: its own task comes back for it when due."""
    rows = MODELS[kind].objects.filter(status=PENDING, attempts=0).order_by("pk")
    return list(rows.values_list("pk", flat=True)[:UNTRIED_LIMIT])


def send_batch(
    *, kind: str, ids: list[int], retries: int = 0, worker: str | None = None
) -> list[int]:
    """Send the rows of `ids` still pending over one SMTP connection.

    Each row's outcome is committed right after its SMTP transaction, together with the
    claim of the next row. Returns the ids to try again later, already back in `pending`.
    `worker` is the Celery node name when a worker runs it: its process then beats, so that
    its claims are released soon if it dies (`recovery`).
    """
    holder = recovery.holder_name(worker)
    if worker:
        recovery.keep_alive(holder)
    model, delay = MODELS[kind], retry_delay(retries)
    rows = model.objects.filter(pk__in=ids, status=PENDING).select_related(*RELATED[kind])
    rows = {row.pk: row for row in rows}
    connection, again, done = _Connection(), [], None
    outcomes, started = Counter(), time.monotonic()
    try:
        for position, pk in enumerate(ids):
            row = rows.get(pk)
            outcomes[done[1]["status"] if done else None] += 1
            won, done = _settle_and_claim(done, row, holder), None
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
        _settle_and_claim(done, None, holder)
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
