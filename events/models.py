"""Meetings, their programme (sessions, speakers) and registrations."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from welcome_portal.i18n import localized

from .querysets import MeetingQuerySet, RegistrationQuerySet


def new_token() -> str:
    return secrets.token_urlsafe(24)


class AttendanceMode(models.TextChoices):
    ON_SITE = "on_site", _("on site")
    ONLINE = "online", _("online")


class Meeting(models.Model):
    """A federal meeting, workshop or webinar with its own capacity per attendance mode."""

    class Kind(models.TextChoices):
        FEDERAL_MEETING = "federal_meeting", _("federal meeting")
        WORKSHOP = "workshop", _("workshop")
        WEBINAR = "webinar", _("webinar")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("on site")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    class RegistrationMode(models.TextChoices):
        OPEN = "open", _("open registration")
        INVITATION_ONLY = "invitation_only", _("by invitation only")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CLOSED = "closed", _("closed")
        ARCHIVED = "archived", _("archived")

    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.FEDERAL_MEETING
    )
    year = models.PositiveSmallIntegerField(_("year"))
    host_center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("host center"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_meetings",
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.ON_SITE
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.OPEN,
    )
    onsite_seats = models.PositiveIntegerField(
        _("on-site seats"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    online_seats = models.PositiveIntegerField(
        _("online seats"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organizers"),
        blank=True,
        related_name="organized_meetings",
    )
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    retention_days = models.PositiveIntegerField(
        _("keep personal data for (days after the end)"), default=180
    )
    personal_data_purged_at = models.DateTimeField(
        _("personal data purged"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="events_meeting_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def modes(self) -> list[str]:
        """The attendance modes this meeting's format offers."""
        if self.format == self.Format.HYBRID:
            return [AttendanceMode.ON_SITE, AttendanceMode.ONLINE]
        return [
            AttendanceMode.ONLINE if self.format == self.Format.ONLINE else AttendanceMode.ON_SITE
        ]

    def seats_for(self, mode: str) -> int | None:
        """Seats of one attendance mode; None means unlimited."""
        return self.onsite_seats if mode == AttendanceMode.ON_SITE else self.online_seats

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def retention_ends_at(self):
        return self.ends_at + timedelta(days=self.retention_days)

    def is_open_for_registration(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.registration_mode == self.RegistrationMode.OPEN
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or now < self.registration_closes_at)
            and now < self.ends_at
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
    accessibility_needs = models.TextField(_("accessibility needs (on site)"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
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


from .invitation_models import Invitation, OutboxMessage  # noqa: E402, F401
from .programme_models import Session, Speaker  # noqa: E402, F401
