"""Registrations: one person's place (or wish for one) at a meeting, and the rules about it."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .meetings import AttendanceMode, Meeting, new_token

# Enough for any real need; it lands in every export and on every badge list.
ACCESSIBILITY_NEEDS_LENGTH = 2000


class RegistrationQuerySet(models.QuerySet):
    def seated(self):
        return self.filter(status__in=self.model.SEATED)

    def waitlisted(self):
        return self.filter(status=self.model.Status.WAITLISTED).order_by("waitlist_position")

    def counts_by_mode_and_status(self) -> dict[str, dict[str, int]]:
        """{mode: {status: n}} in one query."""
        counts: dict[str, dict[str, int]] = {}
        rows = self.values("attendance_mode", "status").annotate(n=Count("pk")).order_by()
        for row in rows:
            counts.setdefault(row["attendance_mode"], {})[row["status"]] = row["n"]
        return counts

    def seated_counts(self) -> dict[str, int]:
        """{mode: seats taken} in one query."""
        rows = self.seated().values("attendance_mode").annotate(n=Count("pk")).order_by()
        return {row["attendance_mode"]: row["n"] for row in rows}

    def registered(self):
        """Who holds a registration: everyone but those who cancelled or declined."""
        return self.exclude(status__in=self.model.GONE)

    def search(self, text: str):
        return self.filter(
            Q(name__icontains=text) | Q(email__icontains=text) | Q(organisation__icontains=text)
        )


class Addressee(models.Model):
    """Whom a meeting's e-mails go to: what a registration and an invitation share."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="%(class)ss"
    )
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("Welcome Center"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    token = models.CharField(_("personal token"), max_length=64, unique=True, default=new_token)

    class Meta:
        abstract = True


class Registration(Addressee):
    """One person's place (or wish for one) at a meeting."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")
        DECLINED = "declined", _("declined")
        ATTENDED = "attended", _("attended")

    Mode = AttendanceMode
    # Statuses that take a seat.
    SEATED = (Status.CONFIRMED, Status.ATTENDED)
    # Statuses a participant can still change (cancel, switch attendance).
    ACTIVE = (Status.CONFIRMED, Status.WAITLISTED)
    # Statuses of those who left: they may register again, and may be invited again.
    GONE = (Status.CANCELLED, Status.DECLINED)

    name = models.CharField(_("name"), max_length=200)
    attendance_mode = models.CharField(
        _("attendance"), max_length=10, choices=AttendanceMode.choices
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    waitlist_position = models.PositiveIntegerField(
        _("position on the waiting list"), null=True, blank=True
    )
    privacy_consent_at = models.DateTimeField(_("privacy consent given"), null=True, blank=True)
    privacy_consent_version = models.CharField(
        _("privacy notice version"), max_length=20, blank=True
    )
    listing_consent_at = models.DateTimeField(
        _("participant list consent given"), null=True, blank=True
    )
    listing_consent_version = models.CharField(
        _("participant list consent version"), max_length=20, blank=True
    )
    accessibility_needs = models.TextField(
        _("accessibility needs (on site)"),
        blank=True,
        validators=[MaxLengthValidator(ACCESSIBILITY_NEEDS_LENGTH)],
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The QR code carries this token, not the personal one: it opens nothing without an
    # organizer's session, so a photo of the code gives no access to the person's page.
    checkin_token = models.CharField(
        _("check-in token"), max_length=64, unique=True, default=new_token, editable=False
    )
    attended_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                models.F("meeting"), Lower("email"), name="events_registration_email_ci_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(status="waitlisted", waitlist_position__isnull=False)
                | (~models.Q(status="waitlisted") & models.Q(waitlist_position__isnull=True)),
                name="events_registration_position_iff_waitlisted",
            ),
        ]
        indexes = [models.Index(fields=["meeting", "attendance_mode", "status"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def get_absolute_url(self):
        return reverse("events:personal", args=[self.token])

    @property
    def is_confirmed(self) -> bool:
        return self.status in self.SEATED

    @property
    def can_change(self) -> bool:
        """The participant may still cancel or switch attendance: an active registration of a
        meeting that has not ended."""
        return self.status in self.ACTIVE and not self.meeting.is_past

    @property
    def sees_online_link(self) -> bool:
        """The online link goes to those who hold a seat online, on their page and by e-mail."""
        return (
            self.status in self.SEATED
            and self.attendance_mode == AttendanceMode.ONLINE
            and bool(self.meeting.online_link)
        )
