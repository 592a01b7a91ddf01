"""The parts of a partner's card in the directory that are the same for every search.

Rendering twenty cards was over a third of a directory page. What a card shows of the partner
itself (its link, name, kind, town and country, topics) is rendered once per language and per
version of the row and of the directory (welcome_portal.listing.attach_cards); the distance
from a searched place stays in the results template.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.html import format_html

from welcome_portal import listing

TEMPLATES = "partners/includes"


def attach_cards(partners) -> None:
    """Set `partner.card` (url, name, summary, topics) on each partner of the page (partners
    with their kind)."""
    listing.attach_cards(partners, "partner", _render_cards)


def _render_cards(partners) -> list[dict]:
    # The topics are read for the cards to render only: a page of cached cards needs no query.
    prefetch_related_objects(partners, "topics")
    return [card_parts(partner) for partner in partners]


def card_parts(partner) -> dict[str, str]:
    """A partner's card without the search: "Kind · Town, Country" (what is known of it)."""
    name = partner.display_name
    if partner.display_short_name:
        name = f"{name} ({partner.display_short_name})"
    place = ", ".join(
        filter(
            None,
            [
                partner.display_city if partner.city else "",
                partner.country.name if partner.country else "",
            ],
        )
    )
    return {
        "url": partner.get_absolute_url(),
        "name": name,
        "summary": format_html(
            "{}{}", partner.kind.name, format_html(" · {}", place) if place else ""
        ),
        "topics": render_to_string(f"{TEMPLATES}/partner_card_topics.html", {"partner": partner}),
    }
