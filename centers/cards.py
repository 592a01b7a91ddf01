"""The parts of a center's card in the finder that are the same for every search.

Rendering twenty cards was a third of a finder page. What a card shows of the center itself
(its link, name, kind and town, services and languages) is rendered once per language and per
version of the row (`updated_at`) and of the directory (a renamed service, a new language) and
kept on the shared cache; what depends on the search (the responsibility badge, the distance,
the link back to the search) is added per page (`result_item`).
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.text import capfirst

from welcome_portal import listing

from .models import Center
from .querysets import listing_prefetches

TEMPLATES = "centers/includes"


def attach_cards(centers) -> None:
    """Set `center.card` (url, name, summary, status, details) on each center of the page
    (centers with their state)."""
    listing.attach_cards(centers, "center", _render_cards)


def _render_cards(centers) -> list[dict]:
    # The rows, services and languages are read for the cards to render only: a page of
    # cached cards needs none of it (the finder reads only a few fields of its centers).
    full = Center.objects.select_related("state").in_bulk([center.pk for center in centers])
    rows = [full.get(center.pk, center) for center in centers]
    prefetch_related_objects(rows, *listing_prefetches())
    return [card_parts(center) for center in rows]


def card_parts(center) -> dict[str, str]:
    """A center's card without the search (a center from `Center.objects.for_listing()`)."""
    town = format_html("{}, ", center.display_city) if center.city else ""
    kind = center.get_kind_display()
    return {
        "url": center.get_absolute_url(),
        "name": center.display_name,
        "summary": format_html("{} · {}{}", capfirst(kind), town, center.state.name),
        "status": render_to_string(f"{TEMPLATES}/center_card_status.html", {"center": center}),
        "details": render_to_string(f"{TEMPLATES}/center_card_details.html", {"center": center}),
    }


def result_item(center, back: str) -> str:
    """A center's card in the finder's results: its kept parts (`center.card`) with what
    depends on the search, the link back to it (`back`, the search's query, URL-quoted), the
    responsibility badge and the distance (`center.badge`, `center.distance`). Written here,
    not in the results template: twenty cards' template nodes were a sixth of a finder page."""
    card = center.card
    badge = (
        format_html('<p><span class="kern-badge kern-badge--success">{}</span></p>', center.badge)
        if center.badge
        else ""
    )
    distance = format_html(" · <strong>{}</strong>", center.distance) if center.distance else ""
    return format_html(
        '<li class="kern-card">\n      <div class="kern-card__container">\n'
        '        <div class="kern-card__header">\n'
        '          <h3 class="kern-heading-small"><a class="kern-link" href="{}">{}</a></h3>\n'
        "          {}\n          {}\n        </div>\n"
        '        <div class="kern-card__body">\n          <p class="kern-body">{}{}</p>\n'
        "          {}\n        </div>\n      </div>\n    </li>",
        f"{card['url']}?from={back}" if back else card["url"],
        card["name"],
        badge,
        card["status"],
        card["summary"],
        distance,
        card["details"],
    )
