"""Meetings: the federal meeting, workshops and webinars, with their seats per attendance mode."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from welcome_portal.i18n import localized

# The alphabet and length of every personal, invitation and check-in token (URL-safe base64).
TOKEN_PATTERN = "[A-Za-z0-9_-]{1,64}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class AttendanceMode(models.TextChoices):
    ON_SITE = "on_site", _("on site")
    ONLINE = "online", _("online")


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings visitors may see: published, closed for registration, or archived."""
        return self.exclude(status="draft")

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


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
    # "Last year's attendees" of a copy may come from here, whoever organized it.
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
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

    @staticmethod
    def seats_field(mode: str) -> str:
        """The field holding the seats of one attendance mode."""
        return "onsite_seats" if mode == AttendanceMode.ON_SITE else "online_seats"

    def seats_for(self, mode: str) -> int | None:
        """Seats of one attendance mode; None means unlimited."""
        return getattr(self, self.seats_field(mode))

    def seat_table(self, taken: dict[str, int] | None = None) -> list[dict]:
        """Per offered mode: its label, seats (None = unlimited) and seats left. One query
        unless `taken` (seats taken per mode) is given."""
        if taken is None:
            taken = self.registrations.seated_counts()
        rows = []
        for mode in self.modes:
            seats = self.seats_for(mode)
            left = None if seats is None else max(seats - taken.get(mode, 0), 0)
            rows.append(
                {"mode": mode, "label": AttendanceMode(mode).label, "seats": seats, "left": left}
            )
        return rows

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def retention_ends_at(self):
        return self.ends_at + timedelta(days=self.retention_days)

    def registration_phase(self, now=None) -> str:
        """ "upcoming" before registration opens, "closed" from its deadline or the meeting's
        end on, "open" between: the period that holds for everyone, invitees included."""
        now = now or timezone.now()
        if self.registration_opens_at is not None and now < self.registration_opens_at:
            return "upcoming"
        closes = self.registration_closes_at
        if (closes is not None and now >= closes) or now >= self.ends_at:
            return "closed"
        return "open"

    def is_open_for_registration(self, now=None) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.registration_mode == self.RegistrationMode.OPEN
            and self.registration_phase(now) == "open"
        )
