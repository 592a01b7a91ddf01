"""Reads of the partner directory: chainable QuerySet methods."""

from django.db import models
from django.db.models import Q
from django_countries import countries

from welcome_portal.verification import VerificationQuerySetMixin


def countries_named(term: str) -> list[str]:
    """ISO codes of the countries whose German or English name contains `term`."""
    from django.utils.translation import override

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
                | Q(city__icontains=term)
                | Q(description_de__icontains=term)
                | Q(description_en__icontains=term)
                | Q(country__in=countries_named(term))
                | Q(pk__in=topic_match)
            )
        return qs

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
            .exclude(center__status="closed")
            .select_related("center__state")
            .order_by("center__name")
        )
