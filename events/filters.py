"""The organizer's participant table filters (GET, no CSRF token needed)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models import PartnerKind
from welcome_portal.textinput import SearchInput, bounded_terms

from .models import AttendanceMode, Registration


def organisation_kind_choices():
    kinds = [(f"partner:{slug}", name) for slug, name in _partner_kinds()]
    return [("center", _("Welcome Center")), *kinds, ("other", _("other organisation"))]


def _partner_kinds():
    return [(kind.slug, kind.name) for kind in PartnerKind.objects.all()]


class RegistrationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", widget=SearchInput)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Registration.Status.choices, empty_label=_("all")
    )
    attendance_mode = django_filters.ChoiceFilter(
        label=_("Attendance"), choices=AttendanceMode.choices, empty_label=_("all")
    )
    organisation_kind = django_filters.ChoiceFilter(
        label=_("Kind of organisation"),
        choices=organisation_kind_choices,
        empty_label=_("all"),
        method="filter_organisation_kind",
    )

    class Meta:
        model = Registration
        fields = ["q", "status", "attendance_mode", "organisation_kind"]

    def search(self, queryset, name, value):
        text = bounded_terms(value)
        return queryset.search(text) if text else queryset

    def filter_organisation_kind(self, queryset, name, value):
        if value == "center":
            return queryset.filter(center__isnull=False)
        if value == "other":
            return queryset.filter(center__isnull=True, partner__isnull=True)
        return queryset.filter(Q(partner__kind__slug=value.removeprefix("partner:")))
