"""The finder: a postal code or a town (German or English) gives the nearest centers first."""

import re

import pytest

from centers.places import find_place, suggest_places
from centers.search import fold

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return re.findall(
        r'<h3 class="kern-heading-small"><a[^>]*>([^<]+)</a>', response.content.decode()
    )


@pytest.mark.parametrize("near", ["99084", "Erfurt"])
def test_postal_code_or_town_lists_welcome_center_thuringia_first(client, demo_centers, near):
    response = client.get("/en/centers/", {"near": near})
    assert response.status_code == 200
    assert names(response)[0] == "Welcome Center Thuringia"
    html = response.content.decode()
    assert "0 km away" in html or "1 km away" in html
    assert "Responsible for Thuringia" in html


@pytest.mark.parametrize(
    ("near", "lang"), [("Munich", "en"), ("München", "de"), ("muenchen", "en")]
)
def test_munich_in_any_spelling_lists_a_bavarian_center_first(client, demo_centers, near, lang):
    response = client.get(f"/{lang}/centers/", {"near": near})
    assert (
        names(response)[0] == {"en": "Welcome Center Bavaria", "de": "Welcome Center Bayern"}[lang]
    )


def test_after_the_responsible_centers_the_rest_come_by_growing_distance(client, demo_centers):
    response = client.get("/en/centers/", {"near": "Jena"})
    # Thuringia's own center (40 km) serves everyone, the university (2 km) its members.
    assert names(response)[:2] == ["Welcome Center Thuringia", "Welcome Center Jena University"]
    distances = [int(km) for km in re.findall(r"(\d+) km away", response.content.decode())]
    assert distances[2:] == sorted(distances[2:])


def test_unknown_place_says_so_and_suggests_close_spellings(client, demo_centers):
    response = client.get("/en/centers/", {"near": "Erfrut"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We do not know the place “Erfrut”" in html
    assert 'href="?near=Erfurt"' in html
    assert len(names(response)) == 20


def test_unknown_postal_code_is_a_message_not_an_error(client, demo_centers):
    response = client.get("/de/centers/", {"near": "00000"})
    assert response.status_code == 200
    assert "Diesen Ort kennen wir nicht" in response.content.decode()


def test_places_know_german_and_english_names_and_the_state():
    assert find_place("Cologne").state_code == "DE-NW"
    assert find_place("Nürnberg") == find_place("Nuremberg")
    assert find_place("99084").state_code == "DE-TH"
    assert find_place("Atlantis") is None
    assert "Erfurt" in suggest_places("Erfrut")


def test_a_country_abroad_is_not_taken_for_a_misspelt_german_town(client, demo_centers):
    assert suggest_places("Nepal") == []  # not "Ennepetal"
    assert suggest_places("Erfrut") == ["Erfurt"]
    html = client.get("/en/centers/", {"q": "Nepal"}).content.decode()
    assert "Did you mean" not in html
    assert 'href="/en/partners/?q=Nepal"' in html  # the partners abroad instead


def test_folding_makes_umlaut_spellings_meet():
    assert fold("Thüringen") == fold("THUERINGEN") == "thueringen"
    assert fold("  Straße  Café ") == "strasse cafe"


def search_box(response) -> str:
    """The `<input>` of the first box, "Town, postal code or topic" (q)."""
    return re.search(r'<input type="text" name="q"[^>]*>', response.content.decode()).group(0)


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"near": "München"}, 'value="München"'),
        ({"near": "München", "q": "Anerkennung"}, 'value="München Anerkennung"'),
        ({"near": "München", "q": "münchen"}, 'value="münchen"'),
        ({"near": "Jena", "q": "Jenaer Straße"}, 'value="Jena Jenaer Straße"'),
        ({"near": "Erfrut"}, 'value="Erfrut"'),
    ],
)
def test_a_linked_place_is_shown_in_the_first_box_and_sent_again_from_there(
    client, demo_centers, query, shown
):
    response = client.get("/de/centers/", query)

    assert shown in search_box(response)
    assert 'name="near"' not in response.content.decode()  # the box sends it back, as q


@pytest.mark.parametrize(("lang", "place"), [("de", "München"), ("en", "Munich")])
def test_sending_the_box_again_finds_what_the_link_found(client, demo_centers, lang, place):
    linked = client.get(f"/{lang}/centers/", {"near": place, "q": "recognition"})
    value = re.search(r'value="([^"]*)"', search_box(linked)).group(1)

    again = client.get(f"/{lang}/centers/", {"q": value})

    assert names(linked)
    assert names(again) == names(linked)
    assert value.startswith(place)
