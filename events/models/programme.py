"""The programme of a meeting: sessions and their speakers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from welcome_portal.i18n import localized


class Speaker(models.Model):
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    role_de = models.CharField(_("role (German)"), max_length=200, blank=True)
    role_en = models.CharField(_("role (English)"), max_length=200, blank=True)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speakers",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def role(self) -> str:
        return localized(self, "role")


class Session(models.Model):
    """One item of a meeting's programme."""

    class Kind(models.TextChoices):
        TALK = "talk", _("talk")
        PANEL = "panel", _("panel")
        WORKSHOP = "workshop", _("workshop")
        RESEARCH_PRESENTATION = "research_presentation", _("research presentation")

    meeting = models.ForeignKey(
        "events.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    day = models.DateField(_("day"))
    starts = models.TimeField(_("start"))
    ends = models.TimeField(_("end"))
    title_de = models.CharField(_("title (German)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=25, choices=Kind.choices, default=Kind.TALK)
    speakers = models.ManyToManyField(
        Speaker, verbose_name=_("speakers"), blank=True, related_name="sessions"
    )
    room = models.CharField(
        _("room"), max_length=200, blank=True, help_text=_("Empty for an online session.")
    )
    topics = models.ManyToManyField(
        "partners.Topic", verbose_name=_("topics"), blank=True, related_name="sessions"
    )

    class Meta:
        ordering = ["day", "starts", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gte=models.F("starts")),
                name="events_session_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")
