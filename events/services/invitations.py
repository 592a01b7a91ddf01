"""Writes of the invitations: inviting, answering, and the reminders to answer or to come.

Every function writes its outbox rows in one transaction and enqueues the sending only after
commit (`notices.enqueue_on_commit`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from ..models import Invitation, Meeting, OutboxMessage, Registration
from .invitees import Invitee, mark
from .notices import enqueue_on_commit
from .registrations import registration_create

Status = Invitation.Status
Kind = OutboxMessage.Kind
MAX_INVITEE_REMINDERS = 2


def invitation_create_many(*, meeting: Meeting, invitees: list[Invitee], invited_by=None) -> int:
    """Invite everyone in `invitees` neither invited nor registered yet (repeats skipped);
    returns how many.

    All rows are written in one transaction; sending starts after commit.
    """
    fresh = [i for i in mark(meeting, invitees) if not i.skipped]
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
