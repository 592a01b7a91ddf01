from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from welcome_portal.i18n import LocalizedNameMixin


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
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.ForeignKey(
        PartnerKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="partners"
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="partners"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.slug])
