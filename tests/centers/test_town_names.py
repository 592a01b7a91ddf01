"""Towns in the page's language: "Munich" on English pages, "München" on German ones; the
postal address stays as the post office writes it."""

import pytest
from django.utils import translation

from centers.towns import town_name
from tests.factories import CenterFactory, PartnerFactory, state_by_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def munich():
    return CenterFactory(
        name="Welcome Center München",
        slug="welcome-center-muenchen",
        state=state_by_code("DE-BY"),
        city="München",
        street="Marienplatz 8",
        postal_code="80331",
        latitude=48.137,
        longitude=11.575,
    )


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("München", "Munich"),
        ("Köln", "Cologne"),
        ("Nürnberg", "Nuremberg"),
        ("Hannover", "Hanover"),
        ("Braunschweig", "Brunswick"),
        ("Jena", "Jena"),
        ("Lübbenau/Spreewald", "Lübbenau/Spreewald"),  # not its Sorbian name
        ("Nowhere-on-Sea", "Nowhere-on-Sea"),
    ],
)
def test_english_pages_name_german_towns_in_english(german, english):
    with translation.override("en"):
        assert town_name(german) == english
    with translation.override("de"):
        assert town_name(german) == german


def test_english_cards_say_munich_and_german_cards_munchen(client, munich):
    english = client.get("/en/centers/", {"state": "DE-BY"}).content.decode()
    german = client.get("/de/centers/", {"state": "DE-BY"}).content.decode()
    assert "Munich, Bavaria" in english
    assert "München," not in english
    assert "München, Bayern" in german


def test_the_center_page_names_the_town_in_english_but_keeps_the_postal_address(client, munich):
    html = client.get(f"/en/centers/{munich.slug}/").content.decode()
    assert '<span class="center-town">Munich, Bavaria</span>' in html
    assert "80331 München" in html


@pytest.mark.parametrize(("query", "english"), [("München", "Munich"), ("Köln", "Cologne")])
def test_the_answer_box_names_the_place_in_english(client, demo_centers, query, english):
    html = client.get("/en/centers/", {"q": query}).content.decode()
    assert f"For {english}, <a" in html


def test_partner_cards_in_germany_name_the_town_in_english(client):
    PartnerFactory(name="Zentrale Servicestelle", country="DE", city="Köln", city_en="")
    assert "Cologne, Germany" in client.get("/en/partners/").content.decode()
    assert "Köln, Deutschland" in client.get("/de/partners/").content.decode()
