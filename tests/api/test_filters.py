"""Each filter of the API lists the same entries as the public directory for the same query."""

import pytest

from tests.api.conftest import api_ids

pytestmark = pytest.mark.django_db

CENTER_QUERIES = [
    "",
    "state=DE-TH",
    "service=recognition",
    "language=ar",
    "near=Munich",
    "near=M%C3%BCnchen",
    "near=99084",
    "q=Th%C3%BCringen",
    "q=recognition",
    "state=DE-BY&language=en",
    "near=Leipzig&service=recognition",
]
PARTNER_QUERIES = [
    "",
    "kind=goethe-institut",
    "country=MX",
    "country=mx",
    "topic=recognition",
    "q=berlin",
    "q=Mexiko",
    "kind=goethe-institut&country=MX",
    "q=berlin&topic=feg",
    "kind=no-such-kind",
]


def page_slugs(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [obj.slug for obj in response.context["paginator"].object_list]


@pytest.mark.parametrize("query", CENTER_QUERIES)
def test_center_filter_lists_what_the_directory_lists(client, demo, query):
    on_page = page_slugs(client, f"/en/centers/?{query}")
    in_api = api_ids(client, f"/api/v1/centers/?{query}&page_size=7")
    assert on_page, "the query should find something in the demo data"
    assert set(in_api) == set(on_page)
    if query.startswith("near="):  # nearest first, in both
        assert in_api[:3] == on_page[:3]


@pytest.mark.parametrize("query", PARTNER_QUERIES)
def test_partner_filter_lists_what_the_directory_lists(client, demo, query):
    on_page = page_slugs(client, f"/en/partners/?{query}")
    in_api = api_ids(client, f"/api/v1/partners/?{query}&page_size=7")
    assert set(in_api) == set(on_page)


def test_pages_never_overlap_and_miss_nothing(client, demo):
    ids = api_ids(client, "/api/v1/centers/?page_size=3")
    assert len(ids) == len(set(ids)) == len(demo[0])


def test_unknown_state_is_a_clear_400_naming_the_parameter(client, demo):
    response = client.get("/api/v1/centers/?state=DE-XX", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    # The same filter as the finder's, whose message does not repeat what was typed.
    assert response.json() == {
        "state": ["Select a valid choice. That choice is not one of the available choices."]
    }


def test_unknown_place_is_a_400_with_close_spellings(client, demo):
    response = client.get("/api/v1/centers/?near=Muenchenn", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "München" in response.json()["near"][0] or "Munich" in response.json()["near"][0]


def test_unknown_place_message_in_german(client, demo):
    response = client.get("/api/v1/centers/?near=Xyzzyville", HTTP_ACCEPT_LANGUAGE="de")
    assert response.json() == {"near": ["Diesen Ort kennen wir nicht."]}


def test_modified_since_lists_only_entries_changed_since(client, demo):
    centers, _partners = demo
    everything = api_ids(client, "/api/v1/centers/")
    thuringia = next(c for c in centers if c.slug == "welcome-center-thuringia")
    thuringia.phone = "+49 361 000000"
    thuringia.save()
    thuringia.refresh_from_db()
    since = thuringia.updated_at.isoformat().replace("+00:00", "Z")
    assert api_ids(client, f"/api/v1/centers/?modified_since={since}") == [thuringia.slug]
    assert len(everything) == len(centers)


@pytest.mark.parametrize(
    "url", ["/api/v1/centers/?modified_since=yesterday", "/api/v1/partners/?modified_since=1"]
)
def test_malformed_modified_since_is_a_400(client, demo, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "modified_since" in response.json()


def test_meetings_filter_upcoming_and_past(client, demo):
    assert api_ids(client, "/api/v1/meetings/?when=upcoming") != []
    assert api_ids(client, "/api/v1/meetings/?when=past") == ["federal-meeting-2020"]


@pytest.mark.parametrize(
    ("since", "status"),
    [
        ("0631-01-20T22:25:59%2B20:56", 200),  # an offset PostgreSQL would refuse
        ("0001-01-01T00:00:00%2B01:00", 400),  # before year 1 in UTC
        ("2026-13-01T00:00:00Z", 400),
    ],
)
def test_odd_modified_since_values_never_give_a_server_error(client, since, status):
    response = client.get(f"/api/v1/meetings/?modified_since={since}")
    assert response.status_code == status
    if status == 400:
        assert "modified_since" in response.json()


def test_modified_since_with_an_offset_means_that_instant(client, demo):
    everything = api_ids(client, "/api/v1/partners/?modified_since=2000-01-01T02:00:00%2B02:00")
    assert len(everything) == len(demo[1])
