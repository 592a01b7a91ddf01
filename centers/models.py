from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from welcome_portal.i18n import LocalizedNameMixin, localized

from .querysets import CenterQuerySet
from .towns import town_name


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


class Language(LocalizedNameMixin, models.Model):
    """A consultation language, identified by its ISO 639-1 code."""

    code = models.CharField(
        _("ISO 639-1 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[a-z]{2}$", _("Two lower-case letters, e.g. “en”."))],
    )
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("consultation language")
        verbose_name_plural = _("consultation languages")

    def __str__(self):
        return self.name


class Center(models.Model):
    class Kind(models.TextChoices):
        STATE_WIDE = "state_wide", _("state-wide")
        REGIONAL = "regional", _("regional")
        MUNICIPAL = "municipal", _("municipal")
        UNIVERSITY = "university", _("university")
        CHAMBER = "chamber", _("chamber")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        TEMPORARILY_CLOSED = "temporarily_closed", _("temporarily closed")
        CLOSED = "closed", _("closed")

    # Part of the network: listed in the directory, counted on the states page, shown beside
    # cooperations, invited to meetings. A temporarily closed center still is.
    ACTIVE_STATUSES = (Status.ACTIVE, Status.TEMPORARILY_CLOSED)

    name = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(
        _("name (English)"), max_length=200, blank=True, help_text=_("Empty: the German name.")
    )
    short_name = models.CharField(_("short name (German)"), max_length=60, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL)
    state = models.ForeignKey(
        State, verbose_name=_("federal state"), on_delete=models.PROTECT, related_name="centers"
    )
    region_served_de = models.CharField(_("region served (German)"), max_length=300, blank=True)
    region_served_en = models.CharField(_("region served (English)"), max_length=300, blank=True)
    served_states = models.ManyToManyField(
        State, verbose_name=_("states served"), blank=True, related_name="served_by"
    )
    served_districts = models.TextField(
        _("districts served"),
        blank=True,
        help_text=_(
            "One town, district or postal-code prefix (e.g. “04”) per line. The finder lists "
            "a municipal or regional center first for the places named here."
        ),
    )
    host_organisation = models.CharField(_("host organisation"), max_length=300, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Five digits, e.g. 99084."))],
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    offers_in_person = models.BooleanField(_("in person"), default=True)
    offers_phone = models.BooleanField(_("by phone"), default=True)
    offers_video = models.BooleanField(_("by video call"), default=False)
    offers_email = models.BooleanField(_("by e-mail"), default=True)
    target_groups_de = models.CharField(_("target groups (German)"), max_length=300, blank=True)
    target_groups_en = models.CharField(_("target groups (English)"), max_length=300, blank=True)
    step_free_access = models.BooleanField(_("step-free access"), null=True, blank=True)
    accessibility_de = models.TextField(_("accessibility of the premises (German)"), blank=True)
    accessibility_en = models.TextField(_("accessibility of the premises (English)"), blank=True)
    services = models.ManyToManyField(
        Service, verbose_name=_("services"), blank=True, related_name="centers"
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("consultation languages"), blank=True, related_name="centers"
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
    # For harvesters of the open-data API (`modified_since`); set by every save.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    objects = CenterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Welcome Center")
        verbose_name_plural = _("Welcome Centers")
        indexes = [models.Index(fields=["name"], name="center_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="center_coordinates_both_or_none",
            ),
        ]

    # Centers for everyone in their area, as against centers for particular groups.
    GENERAL_KINDS = (Kind.STATE_WIDE, Kind.REGIONAL, Kind.MUNICIPAL)

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("centers:detail", args=[self.slug])

    @property
    def display_name(self) -> str:
        """The name in the page's language (`name` is the German one)."""
        english = (get_language() or "de").startswith("en")
        return self.name_en if english and self.name_en else self.name

    @property
    def display_short_name(self) -> str:
        if (get_language() or "de").startswith("en"):
            return self.short_name_en or self.short_name or self.display_name
        return self.short_name or self.display_name

    @property
    def display_city(self) -> str:
        """The town in the page's language ("Munich"); the postal address keeps `city`."""
        return town_name(self.city)

    @property
    def serves_everyone(self) -> bool:
        return self.kind in self.GENERAL_KINDS

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def region_served(self) -> str:
        return localized(self, "region_served")

    @property
    def target_groups(self) -> str:
        return localized(self, "target_groups")

    @property
    def accessibility(self) -> str:
        return localized(self, "accessibility")

    @property
    def consultation_modes(self) -> list[str]:
        modes = ["offers_in_person", "offers_phone", "offers_video", "offers_email"]
        return [self._meta.get_field(m).verbose_name for m in modes if getattr(self, m)]

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class CenterSearch(models.Model):
    """What a center is found by, kept up to date by services.center_reindex (no signals).

    `document` is the folded text (the SQLite fallback searches it), `vector` its German
    tsvector on PostgreSQL (GIN index, migration 0008). A table of its own keeps these wide
    columns out of the directory's scans of centers.
    """

    center = models.OneToOneField(
        Center, primary_key=True, on_delete=models.CASCADE, related_name="search"
    )
    document = models.TextField(blank=True, default="")
    # The folded names of the places in served_districts, each between "|": "|jena|07|".
    areas = models.TextField(blank=True, default="")
    vector = SearchVectorField(null=True)

    def __str__(self):
        return self.document[:80]


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    center = models.ForeignKey(
        Center, verbose_name=_("center"), on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    notes_de = models.CharField(_("notes (German)"), max_length=200, blank=True)
    notes_en = models.CharField(_("notes (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="hours_close_after_open"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}\N{EN DASH}{self.closes:%H:%M}"

    @property
    def notes(self) -> str:
        return localized(self, "notes")


class Closure(models.Model):
    """Days a center is closed beyond its week and the public holidays (24 to 26 December)."""

    center = models.ForeignKey(
        Center, verbose_name=_("center"), on_delete=models.CASCADE, related_name="closures"
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    note_de = models.CharField(_("note (German)"), max_length=200, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="closure_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.starts_on:%Y-%m-%d}\N{EN DASH}{self.ends_on:%Y-%m-%d}"

    @property
    def note(self) -> str:
        return localized(self, "note")

    def covers(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on


class ContactPerson(models.Model):
    center = models.ForeignKey(
        Center, verbose_name=_("center"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    role_de = models.CharField(_("role (German)"), max_length=200, blank=True)
    role_en = models.CharField(_("role (English)"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    publication_consent = models.BooleanField(
        _("consents to publication"),
        default=False,
        help_text=_("Shown on the public page only with the person's consent."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name

    @property
    def role(self) -> str:
        return localized(self, "role")
