from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, models
from django.db.models import F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from welcome_portal.verification import VerificationQuerySetMixin

from .search import fold

EARTH_RADIUS_KM = 6371.0


class CenterQuerySet(VerificationQuerySetMixin, models.QuerySet):
    def active(self):
        return self.exclude(status="closed")

    def in_state(self, code: str):
        return self.filter(state__code=code)

    def offering(self, service_slug: str):
        return self.filter(services__slug=service_slug)

    def speaking(self, language_code: str):
        return self.filter(languages__code=language_code)

    def for_listing(self):
        """State, and `service_list`/`language_list` as plain lists (cheaper than managers)."""
        return self.select_related("state").prefetch_related(
            Prefetch("services", to_attr="service_list"),
            Prefetch("languages", to_attr="language_list"),
        )

    def search(self, term: str):
        """Full text (German stemming) plus trigram similarity of the name on PostgreSQL,
        a word-by-word match of the folded search document elsewhere."""
        folded = fold(term)
        if not folded:
            return self
        if connections[self.db].vendor == "postgresql":
            from .models import CenterSearch

            query = SearchQuery(folded, config="german", search_type="websearch")
            # Two id sets, each found through its own GIN index; an OR across the join
            # would make PostgreSQL read every row.
            by_text = CenterSearch.objects.filter(vector=query).values("center_id")
            by_name = self.model.objects.filter(name__trigram_word_similar=term).values("pk")
            rank = CenterSearch.objects.filter(center=OuterRef("pk")).annotate(
                rank=SearchRank(F("vector"), query)
            )
            return self.filter(Q(pk__in=by_text) | Q(pk__in=by_name)).annotate(
                rank=Subquery(rank.values("rank")[:1])
            )
        condition = Q()
        for word in folded.split():
            condition &= Q(search__document__contains=word)
        return self.filter(condition)

    def with_distance_from(self, lat: float, lon: float):
        """Annotate `distance_km` (haversine; SQLite gets the maths functions from Django)."""
        lat0, lon0 = Radians(Value(lat)), Radians(Value(lon))
        dlat = (Radians(F("latitude")) - lat0) / 2
        dlon = (Radians(F("longitude")) - lon0) / 2
        a = Power(Sin(dlat), 2) + Cos(lat0) * Cos(Radians(F("latitude"))) * Power(Sin(dlon), 2)
        return self.annotate(distance_km=2 * EARTH_RADIUS_KM * ASin(Sqrt(a)))
