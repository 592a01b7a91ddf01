from django.core.paginator import Paginator
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.generic import DetailView
from django_filters.views import FilterView

from welcome_portal.listing import (
    ForgivingPaginationMixin,
    distance_label,
    kept_form,
    kept_rows,
    map_markers,
)

from .cards import attach_cards
from .filters import PartnerFilter, collation_key
from .jsonld import partner_jsonld
from .models import ContactPerson, Cooperation, Partner

BRANCHES_SHOWN = 200


def partner_markers(partners) -> list[dict]:
    """Map markers named in the page's language."""
    partners = [p for p in partners if p.has_coordinates]
    return [
        {**marker, "name": partner.display_name}
        for partner, marker in zip(partners, map_markers(partners), strict=True)
    ]


class PartnerListView(ForgivingPaginationMixin, FilterView):
    """The directory: a fixed number of queries (count, page, three facets; the topics only
    for cards not on the shared cache yet, partners/cards.py)."""

    filterset_class = PartnerFilter
    template_name = "partners/partner_list.html"
    paginate_by = 20

    def get_queryset(self):
        partners = Partner.objects.active().select_related("kind")  # the cards read the topics
        if get_language().startswith("en"):
            return partners.order_by(Coalesce(NullIf("name_en", Value("")), "name"))
        return partners

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.count = self.filterset.match_count(lambda: Paginator.count.func(paginator))
        return paginator

    @property
    def is_fragment(self) -> bool:
        return bool(self.request.htmx and not self.request.htmx.boosted)

    def get_template_names(self):
        if self.is_fragment:
            return ["partners/includes/partner_results.html"]
        return [self.template_name]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_vary_headers(response, ["HX-Request"])  # the same URL answers htmx with a fragment
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        facets = filterset.facets()
        if self.is_fragment:  # a live update swaps the selects' options too: fresh counts
            filterset.set_choices(facets)
        else:  # the form is outside the region htmx swaps
            context["filter_form"] = kept_form(
                filterset,
                self.request.GET,
                "partners/includes/partner_filter_form.html",
                "partner-form",
                lambda: filterset.set_choices(facets),
            )
        context["chips"] = filterset.chips(facets)
        context["place_abroad"] = filterset.place_abroad
        page = context["page_obj"]
        name = filterset.part_name("partner-rows", get_language(), page.number)
        partners = page.object_list = kept_rows(name, page)  # ordered by name in each language
        attach_cards(partners)
        for partner in partners:
            partner.distance = distance_label(partner.distance_km)
        context["map_markers"] = partner_markers(partners)
        context["is_fragment"] = self.is_fragment  # the fragment brings the facets' options
        return context


class PartnerDetailView(DetailView):
    queryset = Partner.objects.active().select_related("kind", "parent")

    def get_context_data(self, **kwargs):
        partner = self.object
        # A parent lists its locations; past a few hundred the directory is the better tool.
        branches = list(partner.branches.active().order_by("country", "city")[: BRANCHES_SHOWN + 1])
        more_branches = len(branches) > BRANCHES_SHOWN
        branches = sorted(
            branches[:BRANCHES_SHOWN],
            key=lambda b: (collation_key(str(b.country.name)), b.display_city, b.display_name),
        )
        return super().get_context_data(
            more_branches=more_branches,
            topics=partner.topics.all(),
            cooperations=Cooperation.objects.for_partner(partner),
            contacts=ContactPerson.objects.filter(partner=partner, publication_consent=True),
            branches=branches,
            map_markers=partner_markers(branches or [partner]),
            jsonld=partner_jsonld(partner),
            **kwargs,
        )
