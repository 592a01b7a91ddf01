"""A German town's name in the page's language: "München" on German pages, "Munich" on English
ones, from the places data the finder reads (no query). Postal addresses keep the German name,
as the post office writes it; headings, cards and the answer box use this."""

from functools import lru_cache

from django.utils.translation import get_language

from .places import town_entries


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for town in town_entries():  # by population: a shared German name goes to the big town
        if town["name_en"] != town["name_de"]:
            names.setdefault(town["name_de"], town["name_en"])
    return names


def town_name(german: str) -> str:
    """The English name of a German town on English pages where it has one, else `german`."""
    if not german or not (get_language() or "de").startswith("en"):
        return german
    return _english_names().get(german.strip(), german)
