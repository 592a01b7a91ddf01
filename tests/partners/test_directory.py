"""The public partner directory and partner page."""

import pytest
from django.template import Context, Template

from partners.models import ContactPerson, Cooperation, Partner
from partners.seed import seed_partners
from tests.factories import PartnerFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    return seed_partners(scale=1, centers=[])


def test_goethe_filter_with_country_lists_the_mexican_branch(client, seeded):
    response = client.get("/en/partners/?kind=goethe-institut&country=MX")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Goethe-Institut Mexico City" in html
    assert "Goethe-Institut Lima" not in html
    assert "1 partner found" in html


def test_topic_filter_keeps_only_partners_with_that_topic(client, seeded):
    html = client.get("/en/partners/?topic=recognition").content.decode()
    assert "Central Service Centre for Professional Recognition (ZSBA)" in html
    assert "Make it in Germany" in html
    assert "Goethe-Institut Mexico City" not in html


def test_filters_combine_with_search(client, seeded):
    html = client.get("/en/partners/?q=berlin&topic=feg").content.decode()
    assert "Federal Ministry of the Interior" in html
    assert "Central Service Centre" not in html  # in Bonn


def test_search_finds_partners_by_country_name_in_either_language(client, seeded):
    assert "Goethe-Institut Mexiko-Stadt" in client.get("/de/partners/?q=Mexiko").content.decode()
    assert "Goethe-Institut Mexico City" in client.get("/en/partners/?q=mexico").content.decode()


def test_german_page_names_countries_in_german(client, seeded):
    german = client.get("/de/partners/?kind=goethe-institut").content.decode()
    english = client.get("/en/partners/?kind=goethe-institut").content.decode()
    assert "Mexiko (1)" in german
    assert "Südafrika" in german
    assert "Mexico (1)" in english
    assert "South Africa" in english


def test_facet_options_show_counts_within_the_other_filters(client, seeded):
    html = client.get("/en/partners/?country=DE").content.decode()
    assert "Federal ministry (2)" in html
    assert "Goethe-Institut (1)" in html  # the head office in Munich


def test_a_live_update_brings_the_fresh_option_counts_and_keeps_the_choice(client, seeded):
    response = client.get("/en/partners/?country=DE", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<form" not in html
    assert '<select id="id_kind" data-hx-swap-oob="innerHTML">' in html
    assert "Federal ministry (2)" in html
    assert "Goethe-Institut (1)" in html
    assert '<option value="DE" selected>Germany' in html
    everywhere = client.get("/en/partners/", headers={"HX-Request": "true"}).content.decode()
    assert "Goethe-Institut (1)" not in everywhere  # the branches abroad count again


def test_each_active_filter_is_a_chip_that_removes_it(client, seeded):
    response = client.get("/en/partners/?kind=goethe-institut&country=mx&page=1")
    chips = response.context["chips"]
    assert [c["value"] for c in chips] == ["Goethe-Institut", "Mexico"]
    assert chips[1]["url"] == "?kind=goethe-institut"


@pytest.mark.parametrize(
    "query", ["kind=nope", "country=ZZ", "topic=%3Cscript%3E", "page=abc", "page=999", "q=%00"]
)
def test_unknown_filter_values_give_a_page_not_an_error(client, seeded, query):
    assert client.get(f"/en/partners/?{query}").status_code == 200


def test_anonymous_directory_sets_no_cookie(client, seeded):
    assert not client.get("/en/partners/?country=MX").cookies


def test_a_partner_card_without_a_country_leaves_no_separator_after_the_town(client):
    PartnerFactory(name="Service Point", city="Berlin", country="", latitude=None, longitude=None)

    page = " ".join(client.get("/en/partners/").content.decode().split())

    assert "Goethe-Institut · Berlin</p>" in page


def test_inactive_partners_are_not_public(client):
    partner = PartnerFactory(name="Closed Office", status=Partner.Status.INACTIVE)
    assert "Closed Office" not in client.get("/en/partners/").content.decode()
    assert client.get(partner.get_absolute_url()).status_code == 404


def test_partner_page_lists_cooperating_centers_and_only_consenting_contacts(client, center):
    partner = PartnerFactory(name="Goethe-Institut Lima", description_en="Courses in Lima.")
    Cooperation.objects.create(partner=partner, center=center, kind="referral")
    ContactPerson.objects.create(partner=partner, name="Ana Public", publication_consent=True)
    ContactPerson.objects.create(partner=partner, name="Bo Private", publication_consent=False)
    html = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert "Welcome Center Thuringia" in html
    assert "Courses in Lima." in html
    assert "Ana Public" in html
    assert "Bo Private" not in html


def test_center_page_snippet_lists_the_centers_partners_in_one_query(
    center, django_assert_num_queries
):
    for partner in PartnerFactory.create_batch(3):
        Cooperation.objects.create(partner=partner, center=center)
    PartnerFactory(name="Not Cooperating")
    template = Template('{% include "partners/center_partners.html" %}')
    with django_assert_num_queries(1):
        html = template.render(Context({"center": center}))
    assert html.count("<li>") == 3
    assert "Not Cooperating" not in html


def _partners(count: int, center):
    topics = TopicFactory.create_batch(2)
    parent = PartnerFactory(name="Goethe-Institut")
    for partner in PartnerFactory.create_batch(count, parent=parent, topics=topics):
        Cooperation.objects.create(partner=partner, center=center)
        ContactPerson.objects.create(partner=partner, name="X", publication_consent=True)
    return parent


@pytest.mark.parametrize("count", [5, 50])
def test_directory_runs_the_same_few_queries_for_5_and_50_partners(
    client, center, count, django_assert_num_queries
):
    _partners(count, center)
    with django_assert_num_queries(6):
        response = client.get("/en/partners/?q=partner&kind=goethe-institut&country=MX")
    assert len(response.context["map_markers"]) == min(count, 20)


@pytest.mark.parametrize("count", [5, 50])
def test_a_second_visit_of_the_partners_asks_the_database_nothing_for_5_and_50_partners(
    client, center, count, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False  # the page rendered again; its parts are kept
    _partners(count, center)
    url = "/en/partners/?q=partner&kind=goethe-institut&country=MX"
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_the_partners_kept_in_german_order_are_in_english_order_on_the_english_page(
    client, settings
):
    settings.PAGE_CACHE_ENABLED = False
    PartnerFactory(name="Zebra-Institut", name_en="Aardvark Institute")
    PartnerFactory(name="Mitte-Institut", name_en="")
    german = client.get("/de/partners/").content.decode()
    english = client.get("/en/partners/").content.decode()
    assert german.index("Mitte-Institut") < german.index("Zebra-Institut")
    assert english.index("Aardvark Institute") < english.index("Mitte-Institut")


def test_a_partner_card_shows_an_edited_town_and_a_new_topic_at_once(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    partner = PartnerFactory(name="Goethe-Institut Lima", city="Lima", country="PE")
    assert "Lima, Peru" in client.get("/en/partners/").content.decode()
    partner.city = "Cusco"
    partner.save()
    partner.topics.add(TopicFactory(name_de="Sprachkurse", name_en="Language courses"))
    html = client.get("/en/partners/").content.decode()
    assert "Cusco, Peru" in html
    assert "Lima, Peru" not in html
    assert "Language courses" in html
    german = client.get("/de/partners/").content.decode()
    assert "Sprachkurse" in german
    assert "Language courses" not in german


def test_partner_counts_and_options_follow_a_new_partner_at_once(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    PartnerFactory(country="MX")
    html = client.get("/en/partners/", {"country": "MX"}).content.decode()
    assert "Mexico (1)" in html
    assert "1 partner found" in html
    PartnerFactory(country="MX")
    html = client.get("/en/partners/", {"country": "MX"}).content.decode()
    assert "Mexico (2)" in html
    assert "2 partners found" in html
    assert "Mexiko (2)" in client.get("/de/partners/").content.decode()


@pytest.mark.parametrize("count", [5, 50])
def test_partner_page_runs_the_same_few_queries_for_5_and_50_branches(
    client, center, count, django_assert_num_queries
):
    parent = _partners(count, center)
    with django_assert_num_queries(5):
        response = client.get(f"/en/partners/{parent.slug}/")
    assert response.content.decode().count('<tr class="kern-table__row">') == count + 1
    assert len(response.context["map_markers"]) == count


def test_center_page_lists_its_partners(client, center):
    partner = PartnerFactory(name="Goethe-Institut Hanoi")
    Cooperation.objects.create(partner=partner, center=center)
    html = client.get(center.get_absolute_url().replace("/de/", "/en/")).content.decode()
    assert "Partners of this Welcome Center" in html
    assert f'href="/en/partners/{partner.slug}/"' in html


def test_pagination_keeps_the_filters(client):
    PartnerFactory.create_batch(25)
    response = client.get("/en/partners/?kind=goethe-institut&page=2")
    assert len(response.context["page_obj"].object_list) == 5
    assert 'href="?kind=goethe-institut&amp;page=1"' in response.content.decode()


def test_a_parent_with_very_many_locations_links_to_the_directory(client, monkeypatch):
    monkeypatch.setattr("partners.views.BRANCHES_SHOWN", 3)
    parent = PartnerFactory(name="Goethe-Institut")
    PartnerFactory.create_batch(5, parent=parent)
    html = client.get(f"/en/partners/{parent.slug}/").content.decode()
    assert html.count('<tr class="kern-table__row">') == 4
    assert 'href="/en/partners/?kind=goethe-institut"' in html


def test_german_pages_speak_german(client, center):
    partner = PartnerFactory(
        name="Goethe-Institut Lima", country="PE", description_de="Deutschkurse in Lima."
    )
    Cooperation.objects.create(partner=partner, center=center, kind="referral")
    listing = client.get("/de/partners/?country=PE").content.decode()
    page = client.get(f"/de/partners/{partner.slug}/").content.decode()
    for text in ("1 Partner gefunden", "Aktive Filter", "Land: Peru", "Art des Partners"):
        assert text in listing
    for text in ("Deutschkurse in Lima.", "Kooperierende Welcome Center", "Vermittlung"):
        assert text in page


def test_only_goethe_institut_locations_have_a_location_type():
    from django.core.exceptions import ValidationError

    from tests.factories import PartnerKindFactory

    ministry = PartnerFactory.build(
        kind=PartnerKindFactory(slug="federal-ministry"), location_type="institute"
    )
    with pytest.raises(ValidationError, match="Goethe"):
        ministry.full_clean()


@pytest.mark.parametrize("count", [5, 50])
def test_a_place_abroad_runs_the_same_few_queries_for_5_and_50_partners(
    client, center, count, django_assert_num_queries
):
    _partners(count, center)
    with django_assert_num_queries(6):
        response = client.get("/en/partners/?q=Mumbai&kind=goethe-institut")
    assert response.context["place_abroad"].country == "IN"
    assert len(response.context["page_obj"].object_list) == min(count + 1, 20)  # and the parent


@pytest.mark.parametrize("count", [5, 50])
def test_the_live_filter_fragment_runs_the_same_few_queries_for_5_and_50_partners(
    client, center, count, django_assert_num_queries
):
    _partners(count, center)
    with django_assert_num_queries(6):
        response = client.get("/de/partners/?kind=goethe-institut", headers={"HX-Request": "true"})
    assert len(response.context["page_obj"].object_list) == min(count + 1, 20)
