from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, UpdateView
from django_filters.views import FilterView

from accounts.permissions import can_edit_center
from welcome_portal.listing import (
    ForgivingPaginationMixin,
    distance_label,
    kept_form,
    map_markers,
)
from welcome_portal.pagecache import DIRECTORY, part_name, per_version_value

from . import services
from .cards import attach_cards, result_item
from .filters import CenterFilter
from .forms import CenterEditForm, HoursEditor
from .hours import opening_status
from .jsonld import center_structured_data
from .models import Center, ContactPerson, State
from .places import state_place
from .vcard import center_vcard


class CappedPaginator(Paginator):
    """Counts at most CAP + 1 matches: "more than 1,000" needs no full COUNT of a big result."""

    CAP = 1000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by().values("pk")[: self.CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.CAP


class FinderMatches:
    """What the finder's paginator pages: the matches (`CenterFilter.matches`), built when they
    are counted, and put in the finder's order (`in_order`) when a page's rows are read. The
    count and the page are kept per directory version (`match_count`, `page_rows`): a visit that
    finds them builds no query at all."""

    ordered = True  # in_order orders every page

    def __init__(self, filterset: CenterFilter):
        self.filterset = filterset
        self.model = filterset.queryset.model
        filterset.locate()  # validates the filters and finds the place the page shows

    def order_by(self, *fields):
        """The matches in another order: for the count (none) and for "alphabetical"."""
        return self.filterset.matches().order_by(*fields)

    def ordered_matches(self):
        return self.filterset.in_order(self.filterset.matches())

    def __getitem__(self, key):  # a page: its query built when its rows are read
        return SimpleLazyObject(lambda: self.ordered_matches()[key])

    def __iter__(self):
        return iter(self.ordered_matches())


# What the finder's results read of a center beside its card (centers/cards.py): the card's
# key, the map marker, the badge of the responsible center's state.
PAGE_FIELDS = ("slug", "updated_at", "city", "postal_code", "latitude", "longitude", "state")


class CenterListView(ForgivingPaginationMixin, FilterView):
    filterset_class = CenterFilter
    paginator_class = CappedPaginator
    queryset = Center.objects.active().select_related("state").only(*PAGE_FIELDS)
    paginate_by = 20
    strict = False  # an unknown filter value is reported beside its field and ignored
    template_name = "centers/center_list.html"

    @property
    def is_fragment(self) -> bool:
        return bool(self.request.htmx and not self.request.htmx.boosted)

    def get_template_names(self):
        if self.is_fragment:
            return ["centers/includes/center_results.html"]
        return [self.template_name]

    def get(self, request, *args, **kwargs):
        # FilterView.get with matches that are ordered only when a page is read (strict is off:
        # a bad value is reported and ignored, the rest filters).
        self.filterset = self.get_filterset(self.get_filterset_class())
        self.object_list = FinderMatches(self.filterset)
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        response = self.render_to_response(context)
        patch_vary_headers(response, ["HX-Request"])  # the same URL answers htmx with a fragment
        return response

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.count = self.filterset.match_count(lambda: CappedPaginator.count.func(paginator))
        if paginator.capped and self.filterset.ranked:
            # Ranking thousands of matches is slow and says little: alphabetical instead.
            paginator.object_list = queryset.order_by("name")
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        chips = []
        for param, label, shown in filterset.active_filters():
            query = self.request.GET.copy()
            query.pop(param, None)
            query.pop("page", None)
            chips.append({"label": label, "value": shown, "url": f"?{query.urlencode()}"})
        context["chips"] = chips
        context["place"] = filterset.place
        context["object_list"] = centers = filterset.page_rows(context["page_obj"])
        attach_cards(centers)
        town = filterset.place if filterset.place and not filterset.place.is_state else None
        back = quote(self.request.GET.urlencode(), safe="/")  # as the template's urlencode
        for center in centers:
            center.badge = responsibility_badge(center, filterset.place)
            center.distance = distance_label(center.distance_km) if town else ""
            center.item = result_item(center, back)
        context["responsible"] = responsible_center(filterset.place, context["object_list"])
        if self.is_fragment:  # a live update swaps the selects' options too: fresh counts
            filterset.show_facets(filterset.facets())
        else:  # the form is outside the region htmx swaps
            context["filter_form"] = kept_form(
                filterset,
                self.request.GET,
                "centers/includes/center_filter_form.html",
                "center-form",
                lambda: filterset.show_facets(filterset.facets()),
            )
        context["is_fragment"] = self.is_fragment
        context["search_query"] = self.request.GET.urlencode()
        context["map_markers"] = finder_markers(
            context["object_list"], filterset.place, context["responsible"]
        )
        return context


def responsible_center(place, centers) -> Center | None:
    """The center that serves everyone at the place, when the list starts with one."""
    first = centers[0] if place is not None and centers else None
    return first if first is not None and first.responsibility <= 1 else None


def responsibility_badge(center, place) -> str:
    """The words of a result's badge: whom it is responsible for (tiers of by_responsibility)."""
    tier = getattr(center, "responsibility", None)  # none without a place or state
    if tier == 0:
        return _("Responsible for %(place)s") % {"place": place.name}
    if tier == 1:
        return _("Responsible for %(state)s") % {"state": center.state.name}
    return ""


def finder_markers(centers, place, responsible) -> list[dict]:
    """Map markers (templates/includes/map.html) with address and role: the searched place and
    the responsible center stand apart from the other centers. Name and link from the cards."""
    markers = [
        {
            "name": center.card["name"],
            "url": center.card["url"],
            "lat": float(center.latitude),
            "lon": float(center.longitude),
            "address": " ".join(filter(None, [center.postal_code, center.city])),
            "role": "responsible" if center == responsible else "center",
        }
        for center in centers
        if center.has_coordinates
    ]
    if place is not None:
        markers.insert(0, {"name": place.name, "lat": place.lat, "lon": place.lon, "role": "place"})
    return markers


class CenterDetailView(DetailView):
    queryset = Center.objects.select_related("state").prefetch_related(
        "services",
        "languages",
        "served_states",
        "opening_hours",
        "closures",
        Prefetch("contacts", queryset=ContactPerson.objects.filter(publication_consent=True)),
        # The partners block (partners/center_partners.html) reads its own, once per version.
    )

    def get_object(self, queryset=None):
        """The center with everything its page shows, read once per version of the directory
        (any save of a center or what it links to makes a new one) and kept on the shared
        cache; an unknown address is looked up every time, never stored. An entry stored by
        an older release of the code lacks nothing it cannot load: a field it does not carry
        is read from the database as a deferred one, and entries last PART_TTL at most."""

        def load():
            centers = self.get_queryset() if queryset is None else queryset
            center = centers.filter(slug=self.kwargs["slug"]).first()
            if center is None:
                raise Http404
            return center

        return per_version_value(DIRECTORY, part_name("center-page", self.kwargs["slug"]), load)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        center = self.object
        context["search_url"] = search_url(self.request.GET.get("from", ""))
        context["structured_data"] = center_structured_data(center)
        context["opening"] = opening_status(center)
        context["map_markers"] = map_markers([center])
        context["can_edit"] = can_edit_center(self.request.user, center)
        return context


SEARCH_PARAMS = ("q", "near", "state", "service", "language", "page")


def search_url(query: str) -> str:
    """The finder's URL with the search a visitor came from (only the finder's parameters)."""
    params = QueryDict(query[:1000], mutable=True)
    kept = QueryDict(mutable=True)
    for name in SEARCH_PARAMS:
        if params.get(name):
            kept[name] = params[name][:200]
    url = reverse("centers:list")
    return f"{url}?{kept.urlencode()}" if kept else ""


def center_vcard_download(request, slug):
    center = get_object_or_404(Center.objects.select_related("state"), slug=slug)
    response = HttpResponse(center_vcard(center), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{center.slug}.vcf"'
    return response


class CenterEditView(LoginRequiredMixin, UpdateView):
    """Front-end form for the editors of one center; nobody else may open or post it."""

    form_class = CenterEditForm
    queryset = Center.objects.select_related("state")
    template_name = "centers/center_form.html"

    def get_object(self, queryset=None):
        center = super().get_object(queryset)
        if not can_edit_center(self.request.user, center):
            raise PermissionDenied
        return center

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("hours", HoursEditor(instance=self.object))
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form()
        hours = HoursEditor(request.POST, instance=self.object)
        if form.is_valid() and hours.is_valid():
            center = services.center_save_by_editor(
                form=form, hours_formset=hours, user=request.user
            )
            messages.success(request, _("Thank you. The entry is saved and marked as verified."))
            return redirect(center)
        return self.render_to_response(self.get_context_data(form=form, hours=hours))


class StateListView(ListView):
    queryset = State.objects.annotate(
        center_count=Count("centers", filter=Q(centers__status__in=Center.ACTIVE_STATUSES))
    )


class StateDetailView(DetailView):
    model = State
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        place = state_place(self.object.code)
        centers = Center.objects.active().for_listing().serving_state(self.object.code)
        centers = list(centers.by_responsibility(place) if place else centers)
        context["centers"] = centers
        context["map_markers"] = map_markers(centers)
        return context
