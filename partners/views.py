from django.views.generic import DetailView
from django_filters.views import FilterView

from welcome_portal.listing import ForgivingPaginationMixin, map_markers

from .filters import PartnerFilter, collation_key
from .models import ContactPerson, Cooperation, Partner

BRANCHES_SHOWN = 200


class PartnerListView(ForgivingPaginationMixin, FilterView):
    """The directory: a fixed number of queries (count, page, topics, three facets)."""

    filterset_class = PartnerFilter
    queryset = Partner.objects.for_directory()
    template_name = "partners/partner_list.html"
    paginate_by = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        facets = filterset.facets()
        filterset.set_choices(facets)
        context["chips"] = filterset.chips(facets)
        context["map_markers"] = map_markers(context["page_obj"].object_list)
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
            key=lambda b: (collation_key(str(b.country.name)), b.city, b.name),
        )
        return super().get_context_data(
            more_branches=more_branches,
            topics=partner.topics.all(),
            cooperations=Cooperation.objects.for_partner(partner),
            contacts=ContactPerson.objects.filter(partner=partner, publication_consent=True),
            branches=branches,
            map_markers=map_markers(branches or [partner]),
            **kwargs,
        )
