"""The outbox: e-mails written in the transaction that decides to send them.

A row is written in the transaction that decides to send, and a worker claims it (pending →
sending, a conditional UPDATE) right before the SMTP transaction and marks it sent right after.
Each claim records the worker process that holds it; a row held by a process that stopped
beating (`OutboxWorker`) is handed out again, and so is a row left pending too long.
Invitations are outbox rows too (they share `Deliverable`); `OutboxMessage` carries every
other e-mail: reminders and the notices about a registration.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    PENDING = "pending", _("pending")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Deliverable(models.Model):
    """The fields a worker needs to send a row exactly once."""

    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    due_at = models.DateTimeField(_("due"), default=timezone.now)
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    # The process that holds (or last held) the claim: "<node>:<main pid>:<pid>" (outbox.workers).
    claimed_by = models.CharField(_("sending process"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True


class OutboxMessage(Deliverable):
    """One e-mail other than the invitation itself: a reminder or a registration notice."""

    class Kind(models.TextChoices):
        INVITATION_REMINDER = "invitation_reminder", _("reminder to answer an invitation")
        PARTICIPANT_REMINDER = "participant_reminder", _("reminder before the meeting")
        CONFIRMED = "confirmed", _("registration confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        PROMOTED = "promoted", _("promoted from the waiting list")
        CANCELLED = "cancelled", _("registration cancelled")
        MODE_SWITCHED = "mode_switched", _("attendance changed")
        PERSONAL_LINK = "personal_link", _("personal link sent again")

    kind = models.CharField(_("kind"), max_length=25, choices=Kind.choices)
    meeting = models.ForeignKey(
        "events.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="outbox_messages",
    )
    invitation = models.ForeignKey(
        "events.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
    )
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    # Reminders carry a key such as "invitation-reminder:12:1", so none is recorded twice.
    dedupe_key = models.CharField(_("key"), max_length=100, unique=True, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Delivery.choices, default=Delivery.PENDING
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.email}"


class OutboxWorker(models.Model):
    """A process that sends outbox rows, and when it last said it is alive (`outbox.workers`).

    A claim whose holder has not beaten for `OUTBOX_WORKER_GONE_AFTER` seconds is released.
    Times are the database's clock, so that hosts with drifting clocks agree.
    """

    name = models.CharField(_("name"), max_length=255, unique=True)
    started_at = models.DateTimeField(_("started"))
    seen_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("outbox worker")
        verbose_name_plural = _("outbox workers")

    def __str__(self):
        return self.name
