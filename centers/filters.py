from dataclasses import dataclass

import django_filters
from django.db import connections
from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from welcome_portal.listing import OptionsInlineSelect, kept_rows
from welcome_portal.pagecache import DIRECTORY, part_name, per_version_value
from welcome_portal.textinput import SearchInput, bounded_terms

from .forms import PlaceInQueryBoundField
from .models import Center, Language, Service, State
from .places import find_place, parse_query, state_place, suggest_places
from .search import collation_key


@dataclass
class Option:
    value: str
    label: str
    count: int


def choice_names() -> dict[str, dict[str, str]]:
    """The states, services and languages ({value: name in the page's language}) in the order
    of their names, read once per version of the directory."""
    name = f"center-choices:{get_language() or 'de'}"
    return per_version_value(DIRECTORY, name, _read_choice_names)


def _read_choice_names() -> dict[str, dict[str, str]]:
    names = {
        "state": {s.code: s.name for s in State.objects.all()},
        "service": {s.slug: s.name for s in Service.objects.all()},
        "language": {lang.code: lang.name for lang in Language.objects.all()},
    }
    return {
        field: dict(sorted(values.items(), key=lambda c: collation_key(c[1])))
        for field, values in names.items()
    }


# An unknown choice is named without repeating it: it came from the address line, whatever that
# holds (Django's own wording for a choice from the database; German in Django's catalogue).
UNKNOWN_CHOICE = {
    "invalid_choice": _("Select a valid choice. That choice is not one of the available choices.")
}


class CenterFilter(django_filters.FilterSet):
    """The directory's filters; unknown values are reported and ignored, never an error."""

    q = django_filters.CharFilter(
        label=_("Town, postal code or topic"),
        method="filter_q",
        max_length=200,
        widget=SearchInput,
        bound_field_class=PlaceInQueryBoundField,
    )
    near = django_filters.CharFilter(
        label=_("Near a town or postal code"),
        method="filter_near",
        max_length=100,
        widget=SearchInput,
    )
    state = django_filters.ChoiceFilter(
        label=_("Federal state"),
        field_name="state__code",
        empty_label=_("All federal states"),
        error_messages=UNKNOWN_CHOICE,
        widget=OptionsInlineSelect,
    )
    service = django_filters.ChoiceFilter(
        label=_("Service"),
        field_name="services__slug",
        empty_label=_("All services"),
        error_messages=UNKNOWN_CHOICE,
        widget=OptionsInlineSelect,
    )
    language = django_filters.ChoiceFilter(
        label=_("Consultation language"),
        field_name="languages__code",
        empty_label=_("All languages"),
        error_messages=UNKNOWN_CHOICE,
        widget=OptionsInlineSelect,
    )

    class Meta:
        model = Center
        fields = ["q", "near", "state", "service", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shared by validation, the select options and the chips.
        self.choice_names = choice_names()
        for name, names in self.choice_names.items():
            self.filters[name].extra["choices"] = list(names.items())
        self.place = None
        self.place_suggestions: list[str] = []
        self.unknown_place = ""
        self.place_from_query = False
        self._located = False

    def locate(self) -> None:
        """Find the place the search names, once: `near`'s, else one in `q` ("recognition
        Leipzig"). A place the page cannot find is reported with close spellings. Only what
        was typed decides, so the page knows its place before any query is built."""
        if self._located:
            return
        self._located = True
        if not self.is_bound:
            return
        self.is_valid()  # a bad value is reported and ignored; the others search
        data = self.form.cleaned_data
        if data.get("near"):
            near = bounded_terms(data["near"])
            self.place = find_place(near)
            if self.place is None:
                self.unknown_place, self.place_suggestions = near, suggest_places(near)
        elif data.get("q"):
            self.place = parse_query(bounded_terms(data["q"])).place
            self.place_from_query = self.place is not None

    def filter_q(self, queryset, name, value):
        """Words and a place in one box: "recognition Leipzig" searches "recognition" and
        lists the centers responsible for Leipzig first. A place in `near` wins."""
        value = bounded_terms(value)
        if not self.place_from_query:
            return queryset.search(value)
        queryset = self._within(queryset, self.place)
        words = parse_query(value).words
        return queryset.search(words) if words else queryset

    def filter_near(self, queryset, name, value):
        return queryset if self.place is None else self._within(queryset, self.place)

    @staticmethod
    def _within(queryset, place):
        """A federal state narrows the list to its centers; a town or postal code only orders."""
        return queryset.serving_state(place.state_code) if place.is_state else queryset

    def filter_queryset(self, queryset):
        self.locate()
        return self.in_order(super().filter_queryset(queryset))

    def matches(self):
        """The centers that match, in no order (`qs` is them in the finder's order, `in_order`
        puts them in it). Building the search's and the order's expressions was a fifth of a
        finder page: a page kept on the shared cache builds neither, it only `locate`s."""
        if not hasattr(self, "_matches"):
            self._matches = self.queryset.all()
            if self.is_bound:  # as `qs`: validated first, a bad value reported and ignored
                self.locate()
                self._matches = super().filter_queryset(self._matches)
        return self._matches

    def in_order(self, queryset):
        """The finder's order: a place's responsible centers first, then the nearest; else by
        full-text rank (PostgreSQL search) or as the queryset is ordered."""
        if self.place is not None:
            return queryset.by_responsibility(self.place)
        state = state_place(getattr(self.form, "cleaned_data", {}).get("state") or "")
        if state is not None:  # the same order as the state's own page
            return queryset.by_responsibility(state)
        return queryset.order_by("-rank", "name") if self.ranked else queryset

    @property
    def query_suggestions(self) -> list[str]:
        """Close spellings of a place for a search that named none ("Erfrut")."""
        data = getattr(self.form, "cleaned_data", {})
        if self.place is not None or not data.get("q"):
            return []
        return suggest_places(data["q"])

    def _without(self, facet: str):
        """The results as if `facet` were not chosen: what choosing another value would give."""
        queryset = self.queryset.all()
        for name, value in getattr(self.form, "cleaned_data", {}).items():
            if name != facet and value not in (None, ""):
                queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by().values("pk")

    def facet_counts(self) -> dict[str, list[tuple[str, int]]]:
        """(value, number of centers) of every state, service and language given the other
        filters; the same for every visitor until the directory changes, so read once per
        version of it and per combination of filters."""
        return per_version_value(DIRECTORY, self._part_name("center-facets"), self._count_facets)

    def match_count(self, count) -> int:
        """`count()`, the number of matches, once per version of the directory and filters."""
        return per_version_value(DIRECTORY, self._part_name("center-count"), count)

    def page_rows(self, page) -> list:
        """The centers of `page` in the finder's order, with their tier and distance and the
        fields of the view's queryset (what the results show beside the cards; a card to render
        reads its own row). The same for everyone until the directory changes: kept once per
        version of it, filters and page number, as the count, so a second visit reads no row."""
        return kept_rows(self._part_name(f"center-rows:{page.number}"), page)

    def _part_name(self, prefix: str) -> str:
        data = getattr(self.form, "cleaned_data", {})
        return part_name(prefix, sorted((k, v) for k, v in data.items() if v not in (None, "")))

    def _count_facets(self) -> dict[str, list[tuple[str, int]]]:
        links = {"service": Center.services.through, "language": Center.languages.through}
        counts = {
            "state": Center.objects.filter(pk__in=self._without("state"))
            .values_list("state__code")
            .annotate(n=Count("pk"))
            .order_by()
        }
        for name, through in links.items():
            field = f"{name}__{'slug' if name == 'service' else 'code'}"
            counts[name] = (
                through.objects.filter(center__in=self._without(name))
                .values_list(field)
                .annotate(n=Count("center_id", distinct=True))
                .order_by()
            )
        return {name: list(rows) for name, rows in counts.items()}

    def facets(self) -> dict[str, list[Option]]:
        """Every state, service and language that finds a center given the other filters,
        with its count, by name in the page's language; the chosen value always shows."""
        data = getattr(self.form, "cleaned_data", {})
        result = {}
        for name, rows in self.facet_counts().items():
            names = self.choice_names[name]
            options = [Option(value, names[value], n) for value, n in rows if value in names]
            chosen = data.get(name)
            if chosen and chosen not in {o.value for o in options}:
                options.append(Option(chosen, names[chosen], 0))
            result[name] = sorted(options, key=lambda o: collation_key(o.label))
        return result

    def show_facets(self, facets: dict[str, list[Option]]) -> None:
        """The selects offer only the options of `facets`, as "Thüringen (2)"."""
        for name, options in facets.items():
            field = self.form.fields[name]
            field.widget.choices = [
                ("", field.empty_label if hasattr(field, "empty_label") else ""),
                *((o.value, f"{o.label} ({o.count})") for o in options),
            ]

    @property
    def ranked(self) -> bool:
        """Whether the results are ordered by full-text rank (PostgreSQL search, no place)."""
        data = getattr(self.form, "cleaned_data", {})
        return bool(
            data.get("q")
            and self.place is None
            and connections[self.queryset.db].vendor == "postgresql"
        )

    def active_filters(self) -> list[tuple[str, str, str]]:
        """(parameter, label, shown value) of every filter that is in effect."""
        if not self.is_bound or not hasattr(self.form, "cleaned_data"):
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            # The search box shows its own text and `near`'s place (centers/forms.py): a chip
            # would only repeat them.
            if not value or name in ("q", "near"):
                continue
            shown = self.choice_names.get(name, {}).get(value, value)
            active.append((name, self.filters[name].label, shown))
        return active
