"""The partner directory's filters, with counts per option and removable chips."""

import unicodedata
from dataclasses import dataclass

import django_filters
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from welcome_portal.listing import OptionsInlineSelect
from welcome_portal.pagecache import DIRECTORY, part_name, per_version_value
from welcome_portal.textinput import SearchInput, bounded_terms

from .models import Partner
from .places import split_place_abroad


@dataclass
class Option:
    value: str
    label: str
    count: int


def collation_key(text: str) -> str:
    """Alphabetical in any language: "Österreich" sorts with "O", not after "Z"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _sort_key(option: Option) -> str:
    return collation_key(option.label)


def _name(row: dict, prefix: str) -> str:
    lang = (get_language() or "de")[:2]
    return row.get(f"{prefix}__name_{lang}") or row[f"{prefix}__name_de"]


class PartnerFilter(django_filters.FilterSet):
    """Free text plus three facets; unknown values simply match nothing."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=200, widget=SearchInput
    )
    kind = django_filters.CharFilter(
        field_name="kind__slug", label=_("Kind of partner"), widget=OptionsInlineSelect
    )
    country = django_filters.CharFilter(
        label=_("Country"), method="filter_country", widget=OptionsInlineSelect
    )
    topic = django_filters.CharFilter(
        field_name="topics__slug", label=_("Topic"), widget=OptionsInlineSelect
    )

    class Meta:
        model = Partner
        fields: list[str] = []

    facet_names = ("kind", "country", "topic")

    place_abroad = None  # the city or country abroad found in `q`, if any

    def filter_search(self, queryset, name, value):
        """Words as text; a city or country abroad orders by it: that country's partners first,
        then the nearest (Nepal has no Goethe-Institut: the nearest ones come first)."""
        place, words = split_place_abroad(bounded_terms(value))
        self.place_abroad = place
        if words:
            # The list, its count and three facet counts all apply the search: built once, used
            # as the same subquery by each.
            if getattr(self, "_matches", None) is None:
                self._matches = self.queryset.model.objects.search(words).values("pk")
            queryset = queryset.filter(pk__in=self._matches)
        if place is None:
            return queryset
        return queryset.nearest_first(country=place.country, lat=place.lat, lon=place.lon)

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.upper())

    def _values(self) -> dict:
        return getattr(self.form, "cleaned_data", {}) if self.is_bound else {}

    def _without(self, facet: str):
        """The result set as if `facet` were not chosen: what choosing another value would give."""
        qs = self.queryset.all()
        for name, value in self._values().items():
            if name != facet and value not in (None, ""):
                qs = self.filters[name].filter(qs, value)
        return qs

    def _kind_options(self) -> list[Option]:
        rows = (
            self._without("kind")
            .values("kind__slug", "kind__name_de", "kind__name_en")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return [Option(r["kind__slug"], _name(r, "kind"), r["n"]) for r in rows]

    def _country_options(self) -> list[Option]:
        rows = self._without("country").exclude(country="").values("country")
        rows = rows.annotate(n=Count("pk")).order_by()
        return [Option(r["country"], str(countries.name(r["country"])), r["n"]) for r in rows]

    def _topic_options(self) -> list[Option]:
        links = Partner.topics.through.objects.filter(partner__in=self._without("topic"))
        rows = (
            links.values("topic__slug", "topic__name_de", "topic__name_en")
            .annotate(n=Count("partner_id"))
            .order_by()
        )
        return [Option(r["topic__slug"], _name(r, "topic"), r["n"]) for r in rows]

    def facets(self) -> dict[str, list[Option]]:
        """Each facet's options with their counts, sorted by name; the chosen value always shows.
        The same for every visitor until the directory changes: read once per version of it,
        per language and per combination of filters."""
        self.form.is_valid()
        name = self.part_name("partner-facets", get_language())
        return per_version_value(DIRECTORY, name, self._count_facets)

    def match_count(self, count) -> int:
        """`count()`, the number of matches, once per version of the directory and filters."""
        self.form.is_valid()
        return per_version_value(DIRECTORY, self.part_name("partner-count"), count)

    def part_name(self, prefix: str, *more) -> str:
        """A name for a part kept per directory version: `prefix`, the filters as chosen, `more`."""
        chosen = sorted((k, v) for k, v in self._values().items() if v not in (None, ""))
        return part_name(prefix, chosen, *more)

    def _count_facets(self) -> dict[str, list[Option]]:
        result = {}
        for name in self.facet_names:
            options = sorted(getattr(self, f"_{name}_options")(), key=_sort_key)
            chosen = self._chosen(name)
            if chosen and chosen not in {o.value for o in options}:
                options.append(Option(chosen, chosen, 0))
            result[name] = options
        return result

    def _chosen(self, name: str) -> str:
        value = self._values().get(name) or ""
        return value.upper() if name == "country" else value

    def set_choices(self, facets: dict[str, list[Option]]) -> None:
        """Fill the facet selects: "All" first, then "Mexico (3)" and so on."""
        for name, options in facets.items():
            field = self.form.fields[name]
            field.widget.choices = [
                ("", _("All")),
                *((o.value, f"{o.label} ({o.count})") for o in options),
            ]
            if name == "country":
                self.form.data = self.form.data.copy()
                self.form.data[name] = self._chosen(name)

    def chips(self, facets: dict[str, list[Option]]) -> list[dict]:
        """One removable chip per active filter, each linking to the list without it."""
        chips = []
        for name in ("q", *self.facet_names):
            chosen = self._chosen(name)
            if not chosen:
                continue
            labels = {o.value: o.label for o in facets.get(name, [])}
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            chips.append(
                {
                    "field": self.filters[name].label,
                    "value": labels.get(chosen, chosen),
                    "url": f"?{params.urlencode()}" if params else "?",
                }
            )
        return chips
