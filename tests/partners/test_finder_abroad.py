"""Partners found by language and by places abroad; the live filter; the partner page's JSON-LD."""

import json
import re

import pytest

from partners.places import find_place_abroad, split_place_abroad
from partners.seed import seed_partners
from tests.factories import PartnerFactory, PartnerKindFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    return seed_partners(scale=1, centers=[])


def _card_names(response) -> list[str]:
    return [p.display_name for p in response.context["page_obj"].object_list]


def test_partner_names_follow_the_page_language(client, seeded):
    german = client.get("/de/partners/bmas/").content.decode()
    english = client.get("/en/partners/bmas/").content.decode()
    assert "Bundesministerium für Arbeit und Soziales (BMAS)</h1>" in german
    assert "Federal Ministry of Labour and Social Affairs (BMAS)</h1>" in english
    assert "Federal Ministry" not in german
    assert "Goethe-Institut Mexiko-Stadt" in client.get("/de/partners/?country=MX").content.decode()
    assert "Goethe-Institut Mexico City" in client.get("/en/partners/?country=MX").content.decode()


@pytest.mark.parametrize(
    ("lang", "query"),
    [("de", "Federal Ministry of Labour"), ("en", "Arbeit und Soziales"), ("en", "bmas")],
)
def test_partners_are_found_by_their_name_in_either_language(client, seeded, lang, query):
    response = client.get(f"/{lang}/partners/", {"q": query})
    assert [p.slug for p in response.context["page_obj"].object_list] == ["bmas"]


def test_english_directory_sorts_by_english_names(client):
    PartnerFactory(name="Zentrale Stelle", name_en="Central Office")
    PartnerFactory(name="Bundesamt", name_en="Federal Office")
    assert _card_names(client.get("/en/partners/")) == ["Central Office", "Federal Office"]
    assert _card_names(client.get("/de/partners/")) == ["Bundesamt", "Zentrale Stelle"]


def test_goethe_branches_have_contacts_and_their_own_page_marked_as_demo(client, seeded):
    html = client.get("/en/partners/goethe-institut-mexico-city/").content.decode()
    assert "Tonalá 43" in html
    assert 'href="mailto:info-mexico-city@goethe-institut.example"' in html
    assert 'href="tel:+525550101"' in html
    assert 'href="https://www.goethe.de/ins/mx/"' in html
    assert "Demo data: the address, phone number and e-mail are examples." in html


@pytest.mark.parametrize("query", ["Mumbai", "Bombay", "mumbai", "Indien", "India"])
def test_mumbai_or_india_lists_the_goethe_institut_in_india_first(client, seeded, query):
    response = client.get("/en/partners/", {"q": query})
    first = response.context["page_obj"].object_list[0]
    assert first.slug == "goethe-institut-new-delhi"
    html = response.content.decode()
    assert f"For {query}: the partners in India come first, then the nearest." in html


def test_nepal_has_no_branch_so_the_nearest_come_first(client, seeded):
    response = client.get("/de/partners/", {"q": "Nepal"})
    partners = list(response.context["page_obj"].object_list)
    # Kathmandu: Dhaka about 680 km, New Delhi about 800 km, Karachi about 1,900 km.
    assert [p.slug for p in partners[:2]] == ["goethe-institut-dhaka", "goethe-institut-new-delhi"]
    distances = [p.distance_km for p in partners if p.distance_km is not None]
    assert distances == sorted(distances)
    html = response.content.decode()
    assert "Für Nepal gibt es noch keinen Partner. Die nächstgelegenen Partner stehen oben." in html
    assert re.search(r"\d+ km entfernt", html)


def test_a_place_abroad_combines_with_words_and_filters(client, seeded):
    response = client.get("/en/partners/", {"q": "visa Peking", "kind": "goethe-institut"})
    partners = list(response.context["page_obj"].object_list)
    assert partners[0].slug == "goethe-institut-beijing"
    assert all(p.topics.filter(slug="visa").exists() for p in partners)


def test_place_lookup_understands_german_and_english_names_and_ignores_codes():
    assert find_place_abroad("Neu-Delhi").country == "IN"
    assert find_place_abroad("Vereinigte Staaten von Amerika").country == "US"
    assert find_place_abroad("São Paulo").country == find_place_abroad("Sao Paulo").country == "BR"
    assert find_place_abroad("FEG") is None  # an airport code, and a topic here
    assert find_place_abroad("Erfurt") is None  # Germany is the centers' finder
    assert split_place_abroad("language courses Kathmandu")[1] == "language courses"
    assert split_place_abroad("recognition")[0] is None


def test_the_live_filter_answers_htmx_with_the_results_only(client, seeded):
    response = client.get("/en/partners/?country=MX", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<section class="partner-found"')
    assert "1 partner found" in html
    assert "Country: Mexico" in html  # the chips come with the results
    assert "HX-Request" in response["Vary"]


def test_the_full_page_has_the_live_form_and_the_chips_worded_like_the_centers(client, seeded):
    html = client.get("/en/partners/?kind=goethe-institut").content.decode()
    assert 'data-hx-get="/en/partners/"' in html
    assert 'data-hx-target="#partner-results"' in html
    assert 'aria-label="Active filters"' in html
    assert "Kind of partner: Goethe-Institut <span aria-hidden" in html
    assert '<span class="kern-sr-only">remove this filter</span>' in html


def test_a_too_long_search_is_reported_not_an_error(client, seeded):
    response = client.get("/en/partners/", {"q": "x" * 500})
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in response.content.decode()


def _jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_partner_page_describes_the_partner_as_schema_org_json_ld(client, seeded):
    data = _jsonld(client.get("/en/partners/goethe-institut-mexico-city/").content.decode())
    assert data["@type"] == "Organization"
    assert data["name"] == "Goethe-Institut Mexico City"
    assert data["address"]["addressCountry"] == "MX"
    assert data["geo"]["latitude"] == pytest.approx(19.4326)
    assert data["contactPoint"]["email"] == "info-mexico-city@goethe-institut.example"
    assert data["parentOrganization"]["name"] == "Goethe-Institut"
    ministry = _jsonld(client.get("/de/partners/bmas/").content.decode())
    assert ministry["@type"] == "GovernmentOrganization"
    assert ministry["alternateName"] == "BMAS"


def test_json_ld_cannot_close_its_script_element(client):
    partner = PartnerFactory(
        name="Evil", description_de="</script><script>alert(1)</script>", kind=PartnerKindFactory()
    )
    html = client.get(f"/de/partners/{partner.slug}/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert _jsonld(html)["description"] == "</script><script>alert(1)</script>"
