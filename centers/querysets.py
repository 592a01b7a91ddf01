from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, models
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

from welcome_portal.verification import VerificationQuerySetMixin

from .search import fold

EARTH_RADIUS_KM = 6371.0


def listing_prefetches() -> list[Prefetch]:
    """`service_list`/`language_list` as plain lists (cheaper than managers)."""
    return [
        Prefetch("services", to_attr="service_list"),
        Prefetch("languages", to_attr="language_list"),
    ]


class CenterQuerySet(VerificationQuerySetMixin, models.QuerySet):
    def active(self):
        """Centers of the network (Center.ACTIVE_STATUSES): closed ones are gone."""
        return self.filter(status__in=self.model.ACTIVE_STATUSES)

    def for_listing(self):
        """State, and `service_list`/`language_list` (listing_prefetches)."""
        return self.select_related("state").prefetch_related(*listing_prefetches())

    def search(self, term: str):
        """Full text (German stemming) plus trigram similarity of the name on PostgreSQL,
        a word-by-word match of the folded search document elsewhere."""
        folded = fold(term)
        if not folded:
            return self
        if connections[self.db].vendor == "postgresql":
            CenterSearch = self.model.search.related.related_model

            query = SearchQuery(folded, config="german", search_type="websearch")
            # Two id sets, each found through its own GIN index; an OR across the join
            # would make PostgreSQL read every row.
            by_text = CenterSearch.objects.filter(vector=query).values("center_id")
            by_name = self.model.objects.filter(
                Q(name__trigram_word_similar=term) | Q(name_en__trigram_word_similar=term)
            ).values("pk")
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

    def serving_state(self, code: str):
        """Centers in the state or serving it (served_states); for a state typed as a place."""
        return self.filter(Q(state__code=code) | Exists(self._served_state_links(code)))

    def _served_state_links(self, code: str):
        return self.model.served_states.through.objects.filter(
            center_id=OuterRef("pk"), state__code=code
        )

    def by_responsibility(self, place):
        """Annotate `responsibility` for a place, nearest first within each tier (the finder's
        order): 0 a municipal or regional center whose served_districts name the place, 1 a
        center for everyone in its state (served_states), 2 other centers for everyone in the
        state, 3 centers for particular groups (university, chamber) there, 4 the rest.
        """
        CenterSearch = self.model.search.related.related_model
        general = Q(kind__in=self.model.GENERAL_KINDS)
        serves_state = Exists(self._served_state_links(place.state_code))
        in_state = Q(state__code=place.state_code)
        tiers = [When(general & serves_state, then=Value(1))]
        nearby = serves_state | in_state
        if place.area_keys:
            areas = CenterSearch.objects.filter(_area_condition(place.area_keys))
            in_area = Q(pk__in=areas.values("center"))
            tiers.insert(0, When(general & in_area, then=Value(0)))
            nearby |= in_area
        if place.is_state:
            tiers.append(When(general & in_state, then=Value(2)))
        tiers.append(When(nearby, then=Value(3)))
        ranked = self.with_distance_from(place.lat, place.lon).annotate(
            responsibility=Case(*tiers, default=Value(4))
        )
        return ranked.order_by("responsibility", F("distance_km").asc(nulls_last=True), "name")

    def with_distance_from(self, lat: float, lon: float):
        return self.annotate(distance_km=distance_km(lat, lon))


def distance_km(lat: float, lon: float, *, latitude="latitude", longitude="longitude"):
    """The haversine distance in km from (lat, lon) to a row's coordinates, computed by the
    database (SQLite gets the maths functions from Django); None where a row has none. The one
    formula for centers and partners."""
    lat0, lon0 = Radians(Value(float(lat))), Radians(Value(float(lon)))
    lat1 = Radians(Cast(latitude, FloatField()))
    dlat = (lat1 - lat0) / 2
    dlon = (Radians(Cast(longitude, FloatField())) - lon0) / 2
    a = Power(Sin(dlat), 2) + Cos(lat0) * Cos(lat1) * Power(Sin(dlon), 2)
    return 2 * EARTH_RADIUS_KM * ASin(Sqrt(a))


def _area_condition(area_keys) -> Q:
    """served_districts naming the place: its town, or a prefix of its postal code."""
    keys = set(area_keys)
    for key in area_keys:
        if key.isdigit():
            keys.update(key[:n] for n in range(1, len(key)))
    condition = Q()
    for key in sorted(keys):
        condition |= Q(areas__contains=f"|{key}|")
    return condition
