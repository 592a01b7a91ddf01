"""Places abroad that the partner search understands: a city or a country, in German or English.

The cities and the countries' coordinates come from data/places_abroad.json (GeoNames, extracted
once by scripts/extract_places_abroad.py); country names in both languages from django-countries.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import override
from django_countries import countries

from centers.search import fold

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places_abroad.json"
MAX_PLACE_WORDS = 4  # "Santiago de los Caballeros"


@dataclass(frozen=True)
class PlaceAbroad:
    name: str  # as the visitor typed it, so that the answer speaks their language
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    is_country: bool


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[dict, bool]]:
    """Every folded spelling -> (entry, is a country); countries win over cities of that name,
    and a bigger city over a smaller one."""
    data = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    index: dict[str, tuple[dict, bool]] = {}
    by_code = {c["code"]: c for c in data["countries"]}
    for lang in ("de", "en"):
        with override(lang):
            for code, name in countries:
                if code in by_code:
                    index.setdefault(fold(str(name)), (by_code[code], True))
    for country in data["countries"]:
        index.setdefault(fold(country["name"]), (country, True))
    for city in data["cities"]:  # sorted by population
        for spelling in (city["name"], *city["aliases"]):
            index.setdefault(fold(spelling), (city, False))
    return index


def find_place_abroad(text: str) -> PlaceAbroad | None:
    """The city or country outside Germany called `text`, or None."""
    found = _index().get(fold(text))
    if found is None:
        return None
    entry, is_country = found
    return PlaceAbroad(
        name=" ".join(text.split()),
        country=entry["code"] if is_country else entry["country"],
        lat=entry["lat"],
        lon=entry["lon"],
        is_country=is_country,
    )


def split_place_abroad(text: str) -> tuple[PlaceAbroad | None, str]:
    """A place abroad at the start or end of `text` and the remaining words:
    "visa Mumbai" -> (Mumbai, "visa"); no place -> (None, text)."""
    words = text.split()
    for size in range(min(len(words), MAX_PLACE_WORDS), 0, -1):
        for start in {0, len(words) - size}:
            place = find_place_abroad(" ".join(words[start : start + size]))
            if place:
                rest = words[:start] + words[start + size :]
                return place, " ".join(rest)
    return None, text
