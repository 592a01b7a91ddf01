from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, UpdateView
from django_filters.views import FilterView

from accounts.permissions import can_edit_center
from welcome_portal.listing import ForgivingPaginationMixin, map_markers

from . import services
from .filters import CenterFilter
from .forms import CenterEditForm, OpeningHoursFormSet
from .hours import opening_status
from .models import Center, ContactPerson, State
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


class CenterListView(ForgivingPaginationMixin, FilterView):
    filterset_class = CenterFilter
    paginator_class = CappedPaginator
    queryset = Center.objects.active().for_listing()
    paginate_by = 20
    strict = False  # an unknown filter value is reported beside its field and ignored
    template_name = "centers/center_list.html"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["centers/includes/center_results.html"]
        return [self.template_name]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_vary_headers(response, ["HX-Request"])  # the same URL answers htmx with a fragment
        return response

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
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
        context["map_markers"] = map_markers(context["object_list"])
        return context


class CenterDetailView(DetailView):
    queryset = Center.objects.select_related("state").prefetch_related(
        "services",
        "languages",
        "served_states",
        "opening_hours",
        Prefetch("contacts", queryset=ContactPerson.objects.filter(publication_consent=True)),
        # The partners block (partners/center_partners.html) adds one query of its own.
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        center = self.object
        context["opening"] = opening_status(center)
        context["map_markers"] = map_markers([center])
        context["can_edit"] = can_edit_center(self.request.user, center)
        return context


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
        context.setdefault("hours", OpeningHoursFormSet(instance=self.object, prefix="hours"))
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form()
        hours = OpeningHoursFormSet(request.POST, instance=self.object, prefix="hours")
        if form.is_valid() and hours.is_valid():
            center = services.center_save_by_editor(
                form=form, hours_formset=hours, user=request.user
            )
            messages.success(request, _("Thank you. The entry is saved and marked as verified."))
            return redirect(center)
        return self.render_to_response(self.get_context_data(form=form, hours=hours))


class StateListView(ListView):
    queryset = State.objects.annotate(
        center_count=Count("centers", filter=~Q(centers__status=Center.Status.CLOSED))
    )


class StateDetailView(DetailView):
    model = State
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        centers = list(self.object.centers.active().for_listing())
        context["centers"] = centers
        context["map_markers"] = map_markers(centers)
        return context
