"""One box: `q` understands places and words; the responsible centers come first."""

import re

import pytest

from centers.places import parse_query
from tests.factories import CenterFactory, state_by_code

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return re.findall(
        r'<h3 class="kern-heading-small"><a[^>]*>([^<]+)</a>', response.content.decode()
    )


def answer(response) -> str:
    match = re.search(r'<p class="[^"]*center-answer"[^>]*>(.*?)</p>', response.content.decode())
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("Munich", "Welcome Center Bavaria"),
        ("Munchen", "Welcome Center Bavaria"),
        ("Frankfurt", "Welcome Center Hesse"),
        ("Halle", "Welcome Center Saxony-Anhalt"),
        ("10115", "Welcome Center Berlin"),
        ("Jena", "Welcome Center Thuringia"),
        ("Cologne", "Welcome Center Cologne"),
        ("Hanover", "Welcome Center Lower Saxony"),
        ("Nuremberg", "Welcome Center Bavaria"),
        ("Thuringia", "Welcome Center Thuringia"),
        ("Thüringen", "Welcome Center Thuringia"),
        ("Bayern", "Welcome Center Bavaria"),
        ("Baden-Wurttemberg", "Welcome Center Baden-Württemberg"),
        ("Leipzig", "Welcome Center Leipzig Region"),
    ],
)
def test_a_place_typed_into_the_one_box_lists_its_responsible_center_first(
    client, demo_centers, q, first
):
    response = client.get("/en/centers/", {"q": q})
    assert response.status_code == 200
    assert names(response)[0] == first


def test_jena_names_the_state_center_as_responsible_then_the_university(client, demo_centers):
    response = client.get("/en/centers/", {"q": "Jena"})
    assert names(response)[:2] == ["Welcome Center Thuringia", "Welcome Center Jena University"]
    assert answer(response) == "For Jena, Welcome Center Thuringia is responsible."
    html = response.content.decode()
    # The university's center names the group it is for.
    assert "Only for:</strong> International students, researchers and staff" in html
    german = client.get("/de/centers/", {"q": "Jena"})
    assert answer(german) == "Für Jena ist Welcome Center Thüringen zuständig."


def test_halle_lists_saxony_anhalts_center_before_nearer_ones_of_other_states(client, demo_centers):
    found = names(client.get("/en/centers/", {"q": "Halle"}))
    assert found[0] == "Welcome Center Saxony-Anhalt"
    assert found.index("Welcome Center Leipzig Region") > 0


def test_a_regional_center_whose_area_covers_the_place_comes_before_the_state_center(
    client, demo_centers
):
    # Markkleeberg is in the Leipzig Region's served_districts; 04229 by its postal prefix.
    for q in ["Markkleeberg", "04229"]:
        response = client.get("/en/centers/", {"q": q})
        assert names(response)[:2] == ["Welcome Center Leipzig Region", "Welcome Center Saxony"]
        assert "Welcome Center Leipzig Region is responsible" in answer(response)


def test_the_served_area_is_data_that_staff_change(client, demo_centers):
    from centers.models import Center
    from centers.services import center_reindex

    leipzig = Center.objects.get(slug="welcome-center-leipzig-region")
    leipzig.served_districts = "Leipzig"
    leipzig.save()
    center_reindex(center_ids=[leipzig.pk])
    assert names(client.get("/en/centers/", {"q": "Markkleeberg"}))[0] == "Welcome Center Saxony"


def test_words_and_a_place_apply_both(client, demo_centers):
    response = client.get("/en/centers/", {"q": "recognition Leipzig"})
    found = names(response)
    assert found[:2] == ["Welcome Center Leipzig Region", "Welcome Center Saxony"]
    # Only centers offering recognition advice: the demo's third service set lacks none,
    # so compare with the plain word search.
    assert set(found) == set(names(client.get("/en/centers/", {"q": "recognition"})))
    assert parse_query("advice in Leipzig").words == "advice"


def test_a_state_in_the_box_lists_only_the_centers_of_that_state(client, demo_centers):
    found = names(client.get("/en/centers/", {"q": "Bavaria"}))
    assert found == ["Welcome Center Bavaria", "Welcome Center Nuremberg Chamber of Commerce"]


def test_near_keeps_working_and_wins_over_a_place_in_the_box(client, demo_centers):
    response = client.get("/en/centers/", {"near": "Erfurt", "q": "Beratung"})
    assert names(response)[0] == "Welcome Center Thuringia"


def test_a_misspelt_place_gets_a_suggestion(client, demo_centers):
    html = client.get("/en/centers/", {"q": "Erfrut"}).content.decode()
    assert "0 Welcome Centers found" in html
    assert 'href="?q=Erfurt"' in html


def test_a_state_page_and_the_state_filter_list_the_state_wide_center_first(client, demo_centers):
    assert names(client.get("/en/centers/", {"state": "DE-TH"}))[0] == "Welcome Center Thuringia"
    region = client.get("/en/regions/DE-TH/").content.decode()
    first = re.search(r'<h2 class="kern-heading-small"><a[^>]*>([^<]+)</a>', region).group(1)
    assert first == "Welcome Center Thuringia"
    assert "Responsible for Thuringia" in region


def test_names_follow_the_pages_language_and_are_found_in_both(client, demo_centers):
    assert "Welcome Center Thüringen" in names(client.get("/de/centers/", {"state": "DE-TH"}))
    assert "Welcome Center Thuringia" in names(client.get("/en/centers/", {"state": "DE-TH"}))
    for lang in ("de", "en"):
        found = names(client.get(f"/{lang}/centers/", {"q": "Universität"}))
        assert len(found) == 1
        assert "Jena" in found[0]
    html = client.get("/de/centers/welcome-center-thuringia/").content.decode()
    assert '<h1 class="kern-heading-x-large">Welcome Center Thüringen</h1>' in html


def test_filters_offer_only_values_that_find_a_center_with_counts(client, demo_centers):
    html = client.get("/en/centers/", {"state": "DE-TH"}).content.decode()
    languages = re.search(r'<select name="language".*?</select>', html, re.S).group(0)
    options = re.findall(r"<option value=\"(\w*)\"[^>]*>([^<]+)</option>", languages)
    assert options[0] == ("", "All languages")
    assert all(re.search(r"\(\d+\)$", label) for _v, label in options[1:])
    assert "Vietnamese" not in languages
    assert ("en", "English (2)") in options


def test_states_are_sorted_by_name_in_the_pages_language(client, demo_centers):
    def states(lang):
        html = client.get(f"/{lang}/centers/").content.decode()
        select = re.search(r'<select name="state".*?</select>', html, re.S).group(0)
        return [
            re.sub(r" \(\d+\)$", "", label)
            for label in re.findall(r">([^<]+)</option>", select)[1:]
        ]

    assert states("de")[:4] == ["Baden-Württemberg", "Bayern", "Berlin", "Brandenburg"]
    assert states("de")[-3:] == ["Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen"]
    assert states("en")[:4] == ["Baden-Württemberg", "Bavaria", "Berlin", "Brandenburg"]
    assert states("en").index("Lower Saxony") < states("en").index("Mecklenburg-Western Pomerania")


def test_a_chosen_value_that_finds_nothing_still_shows_as_chosen(client, demo_centers):
    CenterFactory(name="Extra", state=state_by_code("DE-HB"))
    html = client.get("/en/centers/", {"state": "DE-TH", "language": "tr"}).content.decode()
    assert '<option value="tr" selected>Turkish (0)</option>' in html


def test_the_center_page_keeps_the_search_in_its_breadcrumbs(client, demo_centers):
    html = client.get("/en/centers/", {"q": "Jena"}).content.decode()
    assert 'href="/en/centers/welcome-center-thuringia/?from=q%3DJena"' in html
    page = client.get("/en/centers/welcome-center-thuringia/", {"from": "q=Jena&evil=1"})
    assert 'href="/en/centers/?q=Jena">Back to your search' in page.content.decode()
    plain = client.get("/en/centers/welcome-center-thuringia/").content.decode()
    assert ">All Welcome Centers</a>" in plain


def test_a_place_abroad_points_to_the_partners_worldwide(client, demo_centers):
    html = client.get("/en/centers/", {"q": "Mumbai"}).content.decode()
    assert "0 Welcome Centers found" in html
    assert 'href="/en/partners/?q=Mumbai">partners around the world</a>' in html


def test_the_answer_link_keeps_the_search_for_the_breadcrumb_back(client, demo_centers):
    response = client.get("/de/centers/", {"q": "Jena"})
    link = re.search(r'center-answer"[^>]*>.*?href="([^"]+)"', response.content.decode()).group(1)
    assert link == "/de/centers/welcome-center-thuringia/?from=q%3DJena"
    center_page = client.get(link.replace("&amp;", "&")).content.decode()
    assert 'href="/de/centers/?q=Jena"' in center_page
