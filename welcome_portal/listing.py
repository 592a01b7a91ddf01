"""Pieces shared by the public directories (centers, partners)."""

from django import forms


class OptionsInlineSelect(forms.Select):
    """A select that renders its options in one template, not one include per option (a
    directory's facet has dozens of options; the includes were a tenth of the page)."""

    template_name = "widgets/options_inline_select.html"


def map_markers(places) -> list[dict]:
    """The markers of templates/includes/map.html for objects with coordinates."""
    return [
        {
            # Centers have a name per language; partners and states have `name` only.
            "name": getattr(place, "display_name", place.name),
            "url": place.get_absolute_url(),
            "lat": float(place.latitude),
            "lon": float(place.longitude),
        }
        for place in places
        if place.has_coordinates
    ]


class ForgivingPaginationMixin:
    """A page number that is not a number or too large shows the first or last page, not a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
