from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from welcome_portal.i18n import LocalizedNameMixin


class State(LocalizedNameMixin, models.Model):
    """A German federal state (Land), identified by its ISO 3166-2 code."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=5, unique=True)
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("federal state")
        verbose_name_plural = _("federal states")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:detail", args=[self.code])


class Service(LocalizedNameMixin, models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name_de = models.CharField(_("name (German)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name


class Center(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        TEMPORARILY_CLOSED = "temporarily_closed", _("temporarily closed")
        CLOSED = "closed", _("closed")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    state = models.ForeignKey(
        State, verbose_name=_("federal state"), on_delete=models.PROTECT, related_name="centers"
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), blank=True, related_name="centers"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editors"),
        blank=True,
        related_name="edited_centers",
    )
    last_verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Welcome Center")
        verbose_name_plural = _("Welcome Centers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("centers:detail", args=[self.slug])
