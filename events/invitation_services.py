"""Writes of the invitations: inviting, answering, reminders and registration notices.

Every function writes its outbox rows in one transaction and enqueues the sending only after
commit. If the broker is unreachable then, the rows stay pending and the sweep sends them later.
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from kombu.exceptions import OperationalError

from .invitation_models import Invitation, OutboxMessage
from .invitation_sources import Invitee, mark
from .models import Meeting, Registration

logger = logging.getLogger(__name__)
Status = Invitation.Status
Kind = OutboxMessage.Kind
MAX_INVITEE_REMINDERS = 2


def enqueue(kind: str, ids: list[int]) -> None:
    """Hand rows to the broker; if it is down, log it: the sweep picks the rows up later."""
    from .tasks import dispatch_outbox

    try:
        dispatch_outbox.apply_async(args=[kind, ids], retry=False)
    except (OperationalError, OSError):
        logger.warning("broker unreachable: %d %s rows wait for the sweep", len(ids), kind)


def enqueue_on_commit(kind: str, ids: list[int]) -> None:
    if ids:
        transaction.on_commit(partial(enqueue, kind, ids))


def invitation_create_many(*, meeting: Meeting, invitees: list[Invitee], invited_by=None) -> int:
    """Invite everyone in `invitees` not invited yet (repeats skipped); returns how many.

    All rows are written in one transaction; sending starts after commit.
    """
    fresh = [i for i in mark(meeting, invitees) if not i.duplicate and not i.already_invited]
    rows = [
        Invitation(
            meeting=meeting,
            email=i.email,
            name=i.name,
            organisation=i.organisation,
            language=i.language,
            center_id=i.center_id,
            partner_id=i.partner_id,
            invited_by=invited_by,
        )
        for i in fresh
    ]
    with transaction.atomic():
        # A concurrent invitation of the same address loses quietly to the unique constraint.
        Invitation.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        tokens = [row.token for row in rows]
        ids = list(Invitation.objects.filter(token__in=tokens).values_list("pk", flat=True))
        enqueue_on_commit("invitation", ids)
    return len(ids)


def invitation_resend_failed(*, meeting: Meeting) -> int:
    """Give failed invitations another round of attempts."""
    with transaction.atomic():
        failed = meeting.invitations.filter(status=Status.FAILED)
        ids = list(failed.values_list("pk", flat=True))
        failed.update(status=Status.PENDING, attempts=0, due_at=timezone.now())
        enqueue_on_commit("invitation", ids)
    return len(ids)


def invitation_open(*, invitation: Invitation) -> None:
    """Record the first time the personal link was opened (for the funnel)."""
    Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )


def invitation_answer(*, invitation: Invitation, accepted: bool) -> None:
    """Record the answer; a decline after registering changes nothing (cancel instead)."""
    status = Status.ACCEPTED if accepted else Status.DECLINED
    Invitation.objects.filter(pk=invitation.pk).exclude(status=Status.ACCEPTED).update(
        status=status, answered_at=timezone.now()
    )


def invitation_accept(*, invitation: Invitation, **registration_fields) -> Registration:
    """Register the invitee with the invited address and mark the invitation accepted."""
    from .services import registration_create

    with transaction.atomic():
        registration = registration_create(
            meeting=invitation.meeting,
            email=invitation.email,
            locked_email=invitation.email,
            center=invitation.center,
            partner=invitation.partner,
            language=invitation.language,
            **registration_fields,
        )
        invitation_answer(invitation=invitation, accepted=True)
    return registration


def non_responders(meeting: Meeting):
    """Invitations delivered but neither answered nor followed by a registration."""
    registered = Registration.objects.filter(meeting=meeting, email__iexact=OuterRef("email"))
    return (
        meeting.invitations.filter(status=Status.SENT)
        .exclude(Exists(registered))
        .annotate(reminders=Count("messages", filter=Q(messages__kind=Kind.INVITATION_REMINDER)))
    )


def _record(messages: list[OutboxMessage]) -> int:
    """Store reminders; a key already recorded is skipped, so none is ever sent twice."""
    OutboxMessage.objects.bulk_create(messages, ignore_conflicts=True)
    keys = [m.dedupe_key for m in messages]
    ids = list(
        OutboxMessage.objects.filter(dedupe_key__in=keys, status="pending").values_list(
            "pk", flat=True
        )
    )
    enqueue_on_commit("message", ids)
    return len(ids)


def _invitee_reminders(meeting: Meeting, number: int | None) -> list[OutboxMessage]:
    """Reminder `number` (1 or 2) to each non-responder with fewer; None: the next one now."""
    messages = []
    for invitation in non_responders(meeting).filter(reminders__lt=number or MAX_INVITEE_REMINDERS):
        n = number or invitation.reminders + 1
        messages.append(
            OutboxMessage(
                kind=Kind.INVITATION_REMINDER,
                meeting=meeting,
                invitation=invitation,
                email=invitation.email,
                language=invitation.language,
                dedupe_key=f"invitation-reminder:{invitation.pk}:{n}",
            )
        )
    return messages


def invitation_remind_now(*, meeting: Meeting) -> int:
    """The organizer reminds every non-responder now (still at most two reminders each)."""
    with transaction.atomic():
        return _record(_invitee_reminders(meeting, None))


def reminders_record_due(*, now=None) -> int:
    """Record and enqueue the reminders due now: to non-responders before registration closes
    (INVITATION_REMINDER_DAYS) and to confirmed participants before the meeting
    (PARTICIPANT_REMINDER_DAYS). Returns how many were new."""
    now = now or timezone.now()
    days = sorted(settings.INVITATION_REMINDER_DAYS, reverse=True)[:MAX_INVITEE_REMINDERS]
    messages = []
    closing = Meeting.objects.filter(
        status=Meeting.Status.PUBLISHED,
        registration_closes_at__gt=now,
        registration_closes_at__lte=now + timedelta(days=max(days, default=0)),
    )
    for meeting in closing:
        passed = sum(now >= meeting.registration_closes_at - timedelta(days=d) for d in days)
        messages += _invitee_reminders(meeting, passed)
    before = sorted(settings.PARTICIPANT_REMINDER_DAYS, reverse=True)
    confirmed = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        meeting__starts_at__gt=now,
        meeting__starts_at__lte=now + timedelta(days=max(before, default=0)),
    ).select_related("meeting")
    for r in confirmed:
        passed = sum(now >= r.meeting.starts_at - timedelta(days=d) for d in before)
        messages.append(
            OutboxMessage(
                kind=Kind.PARTICIPANT_REMINDER,
                meeting=r.meeting,
                registration=r,
                email=r.email,
                language=r.language,
                dedupe_key=f"participant-reminder:{r.pk}:{passed}",
            )
        )
    with transaction.atomic():
        return _record(messages)


def registration_notify(*, registration: Registration, kind: str) -> None:
    """Store the notice about a registration change in the caller's transaction."""
    message = OutboxMessage.objects.create(
        kind=kind,
        meeting_id=registration.meeting_id,
        registration=registration,
        email=registration.email,
        language=registration.language,
    )
    enqueue_on_commit("message", [message.pk])


def invitations_anonymise(*, meeting: Meeting) -> None:
    """Blank the personal data of a meeting's invitations and sent e-mails (retention over)."""
    from .models import new_token

    invitations = list(meeting.invitations.all())
    for invitation in invitations:
        invitation.name = invitation.organisation = invitation.last_error = ""
        invitation.email = f"anonymised-{invitation.pk}@invalid"
        invitation.token = new_token()
    fields = ["name", "organisation", "last_error", "email", "token"]
    Invitation.objects.bulk_update(invitations, fields, batch_size=500)
    meeting.outbox_messages.update(email="anonymised@invalid", last_error="")
