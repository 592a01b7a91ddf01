"""The API's filters: the directory pages' FilterSets themselves, plus `modified_since`.

Reusing CenterFilter and PartnerFilter makes "the same filter means the same thing" hold by
construction. Where a page reports a bad value beside its field and ignores it, the API answers
400 with the same message, so that a harvester notices.
"""

from datetime import UTC

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from rest_framework.exceptions import ValidationError as ApiValidationError

from centers.filters import CenterFilter
from events.models import Meeting
from partners.filters import PartnerFilter


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, in UTC: PostgreSQL refuses offsets past ±15:59, Python does not."""

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(UTC)
        except (OverflowError, ValueError):  # e.g. 0001-01-01T00:00:00+01:00
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class ModifiedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


def modified_since_filter():
    return ModifiedSinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Changed at or after this time (ISO 8601, e.g. 2026-01-31T00:00:00Z)"),
    )


def with_tiebreak(queryset, *default):
    """The queryset's ordering (or `default`) with the primary key last: pages never overlap."""
    ordering = list(queryset.query.order_by) or list(default)
    return queryset.order_by(*ordering, "pk")


class CenterApiFilter(CenterFilter):
    modified_since = modified_since_filter()

    class Meta(CenterFilter.Meta):
        fields = [*CenterFilter.Meta.fields, "modified_since"]

    def filter_queryset(self, queryset):
        return with_tiebreak(super().filter_queryset(queryset), "name")

    def api_errors(self) -> dict[str, list[str]]:
        if not self.unknown_place:
            return {}
        message = _("We do not know this place.")
        if self.place_suggestions:
            message = _("We do not know this place. Did you mean: %(names)s?") % {
                "names": ", ".join(self.place_suggestions)
            }
        return {"near": [str(message)]}


class PartnerApiFilter(PartnerFilter):
    modified_since = modified_since_filter()

    def filter_queryset(self, queryset):
        return with_tiebreak(super().filter_queryset(queryset), "name")


class MeetingApiFilter(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(
        label=_("Upcoming (not yet ended) or past meetings"),
        choices=[("upcoming", _("upcoming")), ("past", _("past"))],
        method="filter_when",
    )
    modified_since = modified_since_filter()

    class Meta:
        model = Meeting
        fields = ["when", "modified_since"]

    def filter_when(self, queryset, name, value):
        return queryset.upcoming() if value == "upcoming" else queryset.past()

    def filter_queryset(self, queryset):
        return with_tiebreak(super().filter_queryset(queryset), F("starts_at").desc())


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend, also refusing what a FilterSet reports in `api_errors()`."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        queryset = filterset.qs
        if errors := getattr(filterset, "api_errors", dict)():
            raise ApiValidationError(errors)
        return queryset
