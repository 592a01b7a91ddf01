"""The finder's pieces kept on the shared cache (option lists, facet counts, match counts,
cards) and a center page's (the center, its partners) follow every change at once and keep
the page's language."""

import re
from datetime import time

import pytest

from centers.models import Center, ContactPerson, OpeningHours, Service
from tests.factories import CenterFactory, CooperationFactory, PartnerFactory, state_by_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Pages rendered every time: what is kept is the parts, not the page."""
    settings.PAGE_CACHE_ENABLED = False


def state_option(html: str, name: str) -> str | None:
    found = re.search(rf">({re.escape(name)} \(\d+\))</option>", html)
    return found.group(1) if found else None


def finder(client, lang="en", **params) -> str:
    return client.get(f"/{lang}/centers/", params).content.decode()


def test_state_counts_follow_a_center_that_moves_to_another_state(client):
    moving, _stays = CenterFactory.create_batch(2)  # both in Thuringia
    assert state_option(finder(client), "Thuringia") == "Thuringia (2)"
    moving.state = state_by_code("DE-BY")
    moving.save()
    html = finder(client)
    assert state_option(html, "Thuringia") == "Thuringia (1)"
    assert state_option(html, "Bavaria") == "Bavaria (1)"


def test_counts_and_list_show_a_new_center_at_once(client):
    CenterFactory()
    html = finder(client, q="Beratung")
    assert "1 Welcome Center found" in html
    assert state_option(html, "Thuringia") == "Thuringia (1)"
    CenterFactory(name="Welcome Center Weimar")
    html = finder(client, q="Beratung")
    assert "2 Welcome Centers found" in html
    assert state_option(html, "Thuringia") == "Thuringia (2)"
    assert "Welcome Center Weimar" in html


def test_a_closed_center_leaves_the_counts_at_once(client):
    first, _second = CenterFactory.create_batch(2)
    assert "2 Welcome Centers found" in finder(client)
    first.status = Center.Status.CLOSED
    first.save()
    html = finder(client)
    assert "1 Welcome Center found" in html
    assert state_option(html, "Thuringia") == "Thuringia (1)"


def test_a_card_shows_the_edited_town_and_name_at_once(client):
    center = CenterFactory(name="Welcome Center Erfurt", name_en="")
    assert "Erfurt, Thuringia" in finder(client)
    center.city, center.name = "Weimar", "Welcome Center Weimar"
    center.save()
    html = finder(client)
    assert "Weimar, Thuringia" in html
    assert "Welcome Center Weimar" in html
    assert "Welcome Center Erfurt" not in html


def test_a_moved_center_is_at_its_new_place_on_the_map_and_in_the_order_at_once(client):
    near, far = CenterFactory.create_batch(2, latitude=50.98, longitude=11.03)  # Erfurt
    far.postal_code, far.latitude, far.longitude = "04109", 51.34, 12.37  # Leipzig
    far.save()
    first = client.get("/en/centers/", {"near": "99084"})
    assert [c.pk for c in first.context["object_list"]] == [near.pk, far.pk]
    near.postal_code, near.latitude, near.longitude = "01067", 51.05, 13.74  # Dresden
    near.save()
    again = client.get("/en/centers/", {"near": "99084"})
    assert [c.pk for c in again.context["object_list"]] == [far.pk, near.pk]
    url = near.get_absolute_url()
    marker = next(m for m in again.context["map_markers"] if m.get("url") == url)
    assert (marker["lat"], marker["lon"]) == (51.05, 13.74)
    assert marker["address"].startswith("01067")


def test_a_card_shows_a_renamed_service_and_a_new_service_at_once(client):
    service, other = Service.objects.order_by("pk")[:2]
    center = CenterFactory(services=[service])
    assert service.name_en in finder(client)
    service.name_en = "Advice on everything"
    service.save()
    assert "Services: Advice on everything" in finder(client)
    center.services.add(other)
    assert other.name_en in finder(client)


def test_each_language_gets_its_own_cards_and_options(client):
    CenterFactory(services=list(Service.objects.order_by("pk")[:1]))
    english = finder(client, "en")
    german = finder(client, "de")
    assert "Services:" in english
    assert "Leistungen:" in german
    assert "Services:" not in german
    assert state_option(english, "Thuringia") == "Thuringia (1)"
    assert state_option(german, "Thüringen") == "Thüringen (1)"
    assert "Leistungen:" not in finder(client, "en")


def make_centers(total: int) -> None:
    services = list(Service.objects.order_by("pk")[:3])
    CenterFactory.create_batch(total - Center.objects.count(), services=services)


@pytest.mark.parametrize(
    "url",
    ["/en/centers/", "/en/centers/?q=Beratung&service={service}", "/en/centers/?near=99084"],
)
def test_a_second_visit_of_the_finder_asks_the_database_nothing_for_5_and_50(
    client, django_assert_num_queries, url
):
    page = url.format(service=Service.objects.order_by("pk").first().slug)
    for total in (5, 50):
        make_centers(total)
        client.get(page)  # the option lists, counts, the page's centers and cards are kept
        with django_assert_num_queries(0):
            assert client.get(page).status_code == 200


def test_a_second_visit_of_a_center_page_asks_the_database_nothing(
    client, django_assert_num_queries
):
    center = CenterFactory()
    CooperationFactory(center=center)
    client.get(center.get_absolute_url())  # the center, its relations and partners are kept
    with django_assert_num_queries(0):
        assert client.get(center.get_absolute_url()).status_code == 200


def test_a_center_page_shows_new_hours_contacts_and_partners_at_once(client):
    center = CenterFactory()
    url = center.get_absolute_url()
    assert "12:30" not in client.get(url).content.decode()
    OpeningHours.objects.create(center=center, weekday=0, opens=time(9), closes=time(12, 30))
    ContactPerson.objects.create(center=center, name="Ada Public", publication_consent=True)
    CooperationFactory(center=center, partner=PartnerFactory(name="Goethe-Institut Lima"))
    html = client.get(url).content.decode()
    assert "12:30" in html
    assert "Ada Public" in html
    assert "Goethe-Institut Lima" in html


def test_an_unknown_center_is_a_404_every_time(client, db):
    assert client.get("/en/centers/no-such-center/").status_code == 404
    CenterFactory(slug="no-such-center")  # created later: found at once
    assert client.get("/en/centers/no-such-center/").status_code == 200


def test_a_center_page_read_in_english_first_is_german_on_the_german_address(client):
    center = CenterFactory(services=list(Service.objects.order_by("pk")[:1]))
    CooperationFactory(center=center)
    english = client.get(f"/en/centers/{center.slug}/").content.decode()
    german = client.get(f"/de/centers/{center.slug}/").content.decode()
    assert "Partners of this Welcome Center" in english
    assert "Partner dieses Welcome Centers" in german
    assert Service.objects.order_by("pk").first().name in german
    assert "Opening hours" not in german
