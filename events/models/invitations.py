"""Invitations: a person asked by e-mail to a meeting, with a personal link to answer."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .outbox import Deliverable
from .registrations import Addressee, Registration


class InvitationQuerySet(models.QuerySet):
    def progress(self) -> dict[str, int]:
        """{status: n} for every status (zeros included), in one query."""
        counts = dict.fromkeys(Invitation.Status.values, 0)
        counts.update(self.values_list("status").annotate(n=Count("pk")).order_by())
        return counts

    def funnel(self) -> dict[str, int]:
        """Invited → sent → opened the link → registered → attended, in one query."""
        registered = Registration.objects.filter(
            meeting=OuterRef("meeting"), email__iexact=OuterRef("email")
        )
        return self.annotate(
            is_registered=Exists(registered),
            has_attended=Exists(registered.filter(status=Registration.Status.ATTENDED)),
        ).aggregate(
            invited=Count("pk"),
            sent=Count("pk", filter=Q(sent_at__isnull=False)),
            opened=Count("pk", filter=Q(opened_at__isnull=False)),
            registered=Count("pk", filter=Q(is_registered=True)),
            attended=Count("pk", filter=Q(has_attended=True)),
        )


class Invitation(Addressee, Deliverable):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    name = models.CharField(_("name"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    opened_at = models.DateTimeField(_("link opened"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                models.F("meeting"), Lower("email"), name="events_invitation_email_ci_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>" if self.name else self.email

    def get_absolute_url(self):
        return reverse("events:invitation_accept", args=[self.token])
