from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from centers.towns import town_name
from welcome_portal.i18n import LocalizedNameMixin, localized

from .querysets import CooperationQuerySet, PartnerQuerySet

GOETHE_INSTITUT = "goethe-institut"


class PartnerKind(LocalizedNameMixin, models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name_de = models.CharField(_("name (German)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("partner kind")
        verbose_name_plural = _("partner kinds")

    def __str__(self):
        return self.name


class Topic(LocalizedNameMixin, models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name_de = models.CharField(_("name (German)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Partner(models.Model):
    """A partner organisation; the slug is its stable key, also for imports."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")

    class LocationType(models.TextChoices):
        INSTITUTE = "institute", _("institute")
        LIAISON_OFFICE = "liaison_office", _("liaison office")
        REGIONAL_INSTITUTE = "regional_institute", _("regional institute")

    # A row ordered by a place abroad carries its distance in km (`nearest_first`); the others
    # say None (the directory writes "12 km away" on the cards that have one).
    distance_km: float | None = None

    # `name` and `city` are German (and the key for sorting); the English ones fall back to them.
    name = models.CharField(_("name"), max_length=200, help_text=_("In German."))
    name_en = models.CharField(
        _("name (English)"), max_length=200, blank=True, help_text=_("Empty: the German name.")
    )
    short_name = models.CharField(
        _("short name (German)"), max_length=40, blank=True, help_text=_("For example BMAS.")
    )
    short_name_en = models.CharField(
        _("short name (English)"),
        max_length=40,
        blank=True,
        help_text=_("Empty: the German short name."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.ForeignKey(
        PartnerKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="partners"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="branches",
    )
    location_type = models.CharField(
        _("location type"),
        max_length=20,
        choices=LocationType.choices,
        blank=True,
        help_text=_("Only for Goethe-Institut locations."),
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True, help_text=_("In German."))
    city_en = models.CharField(
        _("city (English)"), max_length=120, blank=True, help_text=_("Empty: the German name.")
    )
    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="partners"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    last_verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # For harvesters of the open-data API (`modified_since`); set by every save.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="partner_coordinates_valid",
                violation_error_message=_("Give both coordinates, within their ranges, or none."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="partner_not_own_parent",
                violation_error_message=_("A partner cannot be its own parent organisation."),
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.slug])

    def _in_language(self, german: str, english: str) -> str:
        return (english or german) if (get_language() or "de").startswith("en") else german

    @property
    def display_name(self) -> str:
        """The name in the page's language."""
        return self._in_language(self.name, self.name_en)

    @property
    def display_short_name(self) -> str:
        return self._in_language(self.short_name, self.short_name_en)

    @property
    def display_city(self) -> str:
        """The town in the page's language: `city_en`, or a German town's English name."""
        if not self.city_en and self.country == "DE":
            return town_name(self.city)
        return self._in_language(self.city, self.city_en)

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        if self.location_type and self.kind_id and self.kind.slug != GOETHE_INSTITUT:
            raise ValidationError(
                {"location_type": _("Only Goethe-Institut locations have a location type.")}
            )


class Cooperation(models.Model):
    """A Welcome Center working together with a partner."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("information and events")
        REFERRAL = "referral", _("referral of clients")
        PROJECT = "project", _("joint project")
        AGREEMENT = "agreement", _("cooperation agreement")
        OTHER = "other", _("other")

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="cooperations",
    )
    center = models.ForeignKey(
        "centers.Center",
        verbose_name=_("Welcome Center"),
        on_delete=models.CASCADE,
        related_name="cooperations",
    )
    since = models.DateField(_("since"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    note = models.TextField(_("note"), blank=True)

    objects = CooperationQuerySet.as_manager()

    class Meta:
        ordering = ["partner__name", "center__name"]
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        constraints = [
            models.UniqueConstraint(fields=["partner", "center"], name="cooperation_unique_pair")
        ]

    def __str__(self):
        return f"{self.partner} / {self.center}"


class ContactPerson(models.Model):
    """A person to contact at a partner; shown publicly only with their consent."""

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    publication_consent = models.BooleanField(
        _("consents to publication"),
        default=False,
        help_text=_("Only contacts who agreed are shown on the public partner page."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name
