import django_filters
from django import forms
from django.db import connections
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from welcome_portal.textinput import bounded_terms

from .models import Center, Language, Service, State
from .places import find_place, suggest_places


class OptionsInlineSelect(forms.Select):
    """A select that renders its options in one template, not one include per option."""

    template_name = "centers/widgets/select.html"


class CenterFilter(django_filters.FilterSet):
    """The directory's filters; unknown values are reported and ignored, never an error."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_q", max_length=200)
    near = django_filters.CharFilter(
        label=_("Town or postal code"), method="filter_near", max_length=100
    )
    state = django_filters.ChoiceFilter(
        label=_("Federal state"),
        field_name="state__code",
        empty_label=_("All federal states"),
        widget=OptionsInlineSelect,
    )
    service = django_filters.ChoiceFilter(
        label=_("Service"),
        field_name="services__slug",
        empty_label=_("All services"),
        widget=OptionsInlineSelect,
    )
    language = django_filters.ChoiceFilter(
        label=_("Consultation language"),
        field_name="languages__code",
        empty_label=_("All languages"),
        widget=OptionsInlineSelect,
    )

    class Meta:
        model = Center
        fields = ["q", "near", "state", "service", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query per list, shared by validation, the select options and the chips.
        self.choice_names = {
            "state": {s.code: s.name for s in State.objects.all()},
            "service": {s.slug: s.name for s in Service.objects.all()},
            "language": {lang.code: lang.name for lang in Language.objects.all()},
        }
        for name, names in self.choice_names.items():
            self.filters[name].extra["choices"] = sorted(names.items(), key=lambda c: c[1])
        self.place = None
        self.place_suggestions: list[str] = []
        self.unknown_place = ""

    def filter_q(self, queryset, name, value):
        return queryset.search(bounded_terms(value))

    def filter_near(self, queryset, name, value):
        value = bounded_terms(value)
        self.place = find_place(value)
        if self.place is None:
            self.unknown_place = value
            self.place_suggestions = suggest_places(value)
            return queryset
        return queryset.with_distance_from(self.place.lat, self.place.lon)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.place is not None:
            return queryset.order_by(F("distance_km").asc(nulls_last=True), "name")
        return queryset.order_by("-rank", "name") if self.ranked else queryset

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
            if not value or (name == "near" and self.place is None):
                continue
            shown = self.place.name if name == "near" else value
            shown = self.choice_names.get(name, {}).get(value, shown)
            active.append((name, self.filters[name].label, shown))
        return active
