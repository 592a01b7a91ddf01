"""Reads of the partner directory: chainable QuerySet methods."""

from django.db import models
from django.db.models import Case, F, IntegerField, Q, When
from django.utils.translation import override
from django_countries import countries

from centers.models import Center
from centers.querysets import distance_km
from welcome_portal.verification import VerificationQuerySetMixin


def countries_named(term: str) -> list[str]:
    """ISO codes of the countries whose German or English name contains `term`."""
    term = term.casefold()
    codes = set()
    for lang in ("de", "en"):
        with override(lang):
            codes.update(code for code, name in countries if term in str(name).casefold())
    return sorted(codes)


class PartnerQuerySet(VerificationQuerySetMixin, models.QuerySet):
    def active(self):
        return self.filter(status=self.model.Status.ACTIVE)

    def search(self, text: str):
        """Partners matching every word of `text` in name, place, country, topic or description."""
        topic_links = self.model.topics.through.objects
        qs = self
        for term in text.split():
            topic_match = topic_links.filter(
                Q(topic__name_de__icontains=term) | Q(topic__name_en__icontains=term)
            ).values("partner_id")
            qs = qs.filter(
                Q(name__icontains=term)
                | Q(name_en__icontains=term)
                | Q(short_name__icontains=term)
                | Q(short_name_en__icontains=term)
                | Q(city__icontains=term)
                | Q(city_en__icontains=term)
                | Q(description_de__icontains=term)
                | Q(description_en__icontains=term)
                | Q(country__in=countries_named(term))
                | Q(pk__in=topic_match)
            )
        return qs

    def with_distance_from(self, lat: float, lon: float):
        """Annotate `distance_km` (centers.querysets.distance_km; None without coordinates)."""
        return self.annotate(distance_km=distance_km(lat, lon))

    def nearest_first(self, *, country: str, lat: float, lon: float):
        """The partners in `country` first, then the rest; each group nearest first."""
        elsewhere = Case(When(country=country, then=0), default=1, output_field=IntegerField())
        return self.with_distance_from(lat, lon).order_by(
            elsewhere, F("distance_km").asc(nulls_last=True), "name"
        )

    def for_directory(self):
        return self.active().select_related("kind").prefetch_related("topics")


class CooperationQuerySet(models.QuerySet):
    def for_center(self, center):
        """The active partners cooperating with `center`, for its page (one query)."""
        return (
            self.filter(center=center, partner__status="active")
            .select_related("partner__kind")
            .order_by("partner__name")
        )

    def for_partner(self, partner):
        return (
            self.filter(partner=partner)
            .filter(center__status__in=Center.ACTIVE_STATUSES)
            .select_related("center__state")
            .order_by("center__name")
        )
