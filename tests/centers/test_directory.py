"""The public directory: filters, chips, counts, pagination, live filtering, fixed queries."""

import re

import pytest

from centers.models import Center, Language, Service
from tests.factories import CenterFactory, OpeningHoursFactory, state_by_code

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return re.findall(
        r'<h3 class="kern-heading-small"><a[^>]*>([^<]+)</a>', response.content.decode()
    )


def test_state_filter_lists_welcome_center_thuringia(client, demo_centers):
    response = client.get("/en/centers/", {"state": "DE-TH"})
    assert response.status_code == 200
    assert "Welcome Center Thuringia" in names(response)
    assert "Welcome Center Bavaria" not in names(response)


@pytest.mark.parametrize("param", ["state", "service", "language"])
def test_unknown_filter_value_gives_200_and_the_unfiltered_list(client, demo_centers, param):
    response = client.get("/en/centers/", {param: "no-such-value"})
    assert response.status_code == 200
    assert len(names(response)) == 20
    assert "not one of the available choices" in response.content.decode()


@pytest.mark.parametrize("value", ["\x00", "<b>x</b>", "\u202eDE-BY"])
def test_an_unknown_state_is_named_without_repeating_what_was_typed(client, demo_centers, value):
    html = client.get("/de/centers/", {"state": value}).content.decode()

    assert "Dies ist keine gültige Auswahl." in html
    assert "\x00" not in html
    assert "&lt;b&gt;x" not in html
    assert "\u202e" not in html


def test_filters_combine_and_show_as_removable_chips(client, demo_centers):
    response = client.get(
        "/en/centers/", {"state": "DE-TH", "service": "recognition", "language": "ar"}
    )
    html = response.content.decode()
    assert names(response) == ["Welcome Center Thuringia"]
    assert "1 Welcome Center found" in html
    assert "Federal state: Thuringia" in html
    assert "Service: Recognition of qualifications" in html
    # Removing the state chip keeps the other two filters.
    chip = re.search(r'href="(\?[^"]*)">Federal state: Thuringia', html).group(1)
    assert "state=" not in chip
    assert "service=recognition" in chip
    assert "language=ar" in chip


def test_directory_paginates_and_keeps_filters_in_page_links(client):
    CenterFactory.create_batch(25, state=state_by_code("DE-BY"))
    response = client.get("/en/centers/", {"state": "DE-BY"})
    assert len(names(response)) == 20
    html = response.content.decode()
    assert "25 Welcome Centers found" in html
    assert "?state=DE-BY&amp;page=2" in html
    assert len(names(client.get("/en/centers/", {"state": "DE-BY", "page": 2}))) == 5
    assert len(names(client.get("/en/centers/", {"state": "DE-BY", "page": 99}))) == 5
    assert len(names(client.get("/en/centers/", {"state": "DE-BY", "page": "x"}))) == 20


def test_live_filtering_returns_only_the_results_region(client, demo_centers):
    response = client.get("/en/centers/", {"state": "DE-TH"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]
    assert "Welcome Center Thuringia" in html
    full = client.get("/en/centers/").content.decode()
    assert 'hx-get="/en/centers/"' in full
    assert 'hx-push-url="true"' in full
    assert 'hx-target="#center-results"' in full


@pytest.mark.parametrize("directory", ["centers", "partners"])
def test_a_live_update_points_the_language_switch_at_the_filters_chosen(client, directory):
    response = client.get(f"/en/{directory}/?q=Leipzig&page=1", headers={"HX-Request": "true"})
    html = response.content.decode()

    switch = html[html.index('<nav class="site-lang"') : html.index("</nav>")]
    assert 'id="site-lang"' in switch
    assert 'data-hx-swap-oob="true"' in switch
    assert f'href="/de/{directory}/?q=Leipzig&amp;page=1" hreflang="de"' in switch
    page = client.get(f"/en/{directory}/").content.decode()
    assert page.count('id="site-lang"') == 1
    assert "data-hx-swap-oob" not in page[: page.index("</header>")]


def options(html: str, select: str) -> list[str]:
    """The option lines of the select with the id id_<select> (the page's or the live one)."""
    start = html.index(f'id="id_{select}"')
    start = html.rindex("<select", 0, start)
    return [line.strip() for line in html[start : html.index("</select>", start)].split("\n")[1:]]


def test_a_live_update_brings_the_fresh_option_counts_and_keeps_the_choice(client, demo_centers):
    live = {"HX-Request": "true"}
    everything = client.get("/en/centers/", headers=live).content.decode()
    thuringia = client.get("/en/centers/", {"state": "DE-TH"}, headers=live).content.decode()
    assert '<select id="id_language" data-hx-swap-oob="innerHTML">' in thuringia
    assert any(o.startswith('<option value="DE-TH" selected>') for o in options(thuringia, "state"))
    # The other selects now count only Thuringia's centers, as the full page does.
    assert options(thuringia, "language") != options(everything, "language")
    full = client.get("/en/centers/", {"state": "DE-TH"}).content.decode()
    assert options(thuringia, "language") == options(full, "language")
    assert options(thuringia, "service") == options(full, "service")


def test_directory_sets_no_cookie_for_anonymous_visitors(client, demo_centers):
    response = client.get("/en/centers/", {"q": "Erfurt", "near": "Jena"})
    assert response.cookies == {}


def test_closed_centers_are_not_listed(client):
    CenterFactory(name="Closed Center", status=Center.Status.CLOSED)
    CenterFactory(name="Open Center")
    assert names(client.get("/en/centers/")) == ["Open Center"]


def make_centers(count: int):
    services = list(Service.objects.all()[:3])
    languages = list(Language.objects.filter(code__in=["de", "en", "ar"]))
    for center in CenterFactory.create_batch(count, services=services, languages=languages):
        OpeningHoursFactory(center=center)


@pytest.mark.parametrize(
    "url",
    [
        "/en/centers/?q=Beratung&service=recognition",
        "/en/centers/?near=99084&language=en",
        "/de/regions/",
        "/de/regions/DE-TH/",
        "/en/centers/{slug}/",
    ],
)
def test_pages_run_the_same_few_queries_for_5_and_50_centers(
    client, django_assert_max_num_queries, url
):
    counts = []
    for total in (5, 50):
        make_centers(total - Center.objects.count())
        page = url.format(slug=Center.objects.order_by("pk").first().slug)
        # A first visit, nothing kept yet: count, the page's order, its rows, the rows and
        # two prefetches of its cards, three option lists, three counts.
        with django_assert_max_num_queries(12) as captured:
            assert client.get(page).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_live_answer_with_its_option_counts_runs_the_same_few_queries_for_5_and_50(
    client, django_assert_max_num_queries
):
    counts = []
    for total in (5, 50):
        make_centers(total - Center.objects.count())
        # Count, the page's order, its rows, the rows and two prefetches of its cards, three
        # option lists and the three option counts.
        with django_assert_max_num_queries(12) as captured:
            response = client.get(
                "/en/centers/?q=Beratung&language=en", headers={"HX-Request": "true"}
            )
        assert 'data-hx-swap-oob="innerHTML"' in response.content.decode()
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_very_large_results_are_counted_up_to_a_cap(client, monkeypatch):
    monkeypatch.setattr("centers.views.CappedPaginator.CAP", 3)
    CenterFactory.create_batch(5)
    html = client.get("/en/centers/", {"q": "Beratung"}).content.decode()
    assert "More than 3 Welcome Centers found" in html
    assert "Page 1 of" not in html


def test_directory_speaks_german(client, demo_centers):
    html = client.get("/de/centers/", {"state": "DE-TH", "near": "Erfurt"}).content.decode()
    assert "Welcome Center finden" in html
    assert "2 Welcome Center gefunden" in html
    assert "Bundesland: Thüringen" in html
    assert "Zuständig für Thüringen" in html
    assert "km entfernt" in html
