"""Pieces shared by the public directories (centers, partners)."""

from django import forms
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext

from .pagecache import DIRECTORY, part_name, per_version, per_version_value


class OptionsInlineSelect(forms.Select):
    """A select written in Python, not through the widget templates: a directory's facet has
    dozens of options, and their template includes were a tenth of the page (one template with
    a loop still a sixth). The markup is that of Django's template (boolean attributes last): one
    option per choice, the first one matching the value selected. Its choices have no groups."""

    def render(self, name, value, attrs=None, renderer=None):
        values = {str(v) for v in self.format_value(value)}
        options, selected = [], False
        for choice, label in self.choices:
            choice = str(choice)
            mark = not selected and choice in values
            selected |= mark
            options.append((choice, " selected" if mark else "", label))
        lines = format_html_join("", '\n  <option value="{}"{}>{}</option>', options)
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        flags = [(key,) for key, value in final_attrs.items() if value is True]
        pairs = [(key, v) for key, v in final_attrs.items() if v is not True and v is not False]
        return format_html(
            "<select{}{}>{}\n</select>\n",
            format_html_join("", ' {}="{}"', pairs),
            format_html_join("", " {}", flags),
            lines,
        )


def attach_cards(rows, kind: str, render) -> None:
    """Set `row.card` on each row of a directory page: what its card shows of the row itself,
    rendered once per language and version of the row (`updated_at`) and of the directory,
    kept on the shared cache (one round trip for the page). `render(rows)` gives the cards of
    the rows missing there, in their order."""
    language = get_language() or "de"
    names = {f"{kind}-card:{language}:{row.pk}:{row.updated_at.timestamp()}": row for row in rows}

    def render_missing(missing: dict) -> dict:
        return dict(zip(missing, render(list(missing.values())), strict=True))

    cards = per_version(DIRECTORY, names, render_missing)
    for name, row in names.items():
        row.card = cards[name]


def kept_rows(name: str, page) -> list:
    """The rows of a directory's `page` as its query gives them (annotations included): the
    same for everyone until the directory changes, so kept once per version of it under `name`
    (a part_name of the filters, the page number and what else orders them), and a second visit
    reads no row."""
    return per_version_value(DIRECTORY, name, lambda: list(page.object_list))


def kept_form(filterset, query, template: str, prefix: str, prepare) -> str:
    """A directory's filter form (`template` with `filter`), its selects filled by `prepare()`
    ("Thüringen (2)"): the same for everyone who typed the same, so rendered once per version of
    the directory, language and typed values (`query`, the request's GET); a form with an error
    is rendered every time."""

    def render() -> str:
        prepare()
        return render_to_string(template, {"filter": filterset})

    if filterset.form.errors:
        return render()
    typed = [(name, query.get(name, "")) for name in filterset.form.fields]
    return per_version_value(DIRECTORY, part_name(prefix, get_language(), typed), render)


def distance_label(km: float | None) -> str:
    """ "12 km away" for a result ordered by a place, or "": whole kilometres rounded half up,
    without separators, as `floatformat:0` writes them (twenty of those filters and their
    `blocktranslate`s were a tenth of a page)."""
    return "" if km is None else gettext("%(km)s km away") % {"km": int(km + 0.5)}


def map_markers(places) -> list[dict]:
    """The markers of templates/includes/map.html for objects with coordinates."""
    return [
        {
            # Centers have a name per language; partners and states have `name` only.
            "name": getattr(place, "display_name", place.name),
            "url": place.card["url"] if hasattr(place, "card") else place.get_absolute_url(),
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
