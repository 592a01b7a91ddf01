from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, models
from django.db.models import F, Q, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from .search import fold

EARTH_RADIUS_KM = 6371.0


class CenterQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status="closed")

    def in_state(self, code: str):
        return self.filter(state__code=code)

    def offering(self, service_slug: str):
        return self.filter(services__slug=service_slug)

    def speaking(self, language_code: str):
        return self.filter(languages__code=language_code)

    def for_listing(self):
        return self.select_related("state").prefetch_related("services", "languages")

    def search(self, term: str):
        """Full text (German stemming) plus trigram similarity of the name on PostgreSQL,
        a word-by-word match of the folded search document elsewhere."""
        folded = fold(term)
        if not folded:
            return self
        if connections[self.db].vendor == "postgresql":
            query = SearchQuery(folded, config="german", search_type="websearch")
            matches = Q(search__vector=query) | Q(name__trigram_word_similar=term)
            return self.filter(matches).annotate(rank=SearchRank(F("search__vector"), query))
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
