"""What every client of the API can rely on: links, pages, caching, CORS, schema and docs."""

import re
from datetime import date

import pytest
from django.contrib.staticfiles import finders

from centers.models import Closure
from tests.factories import CenterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centers():
    return [CenterFactory(name=f"Welcome Center {n:02d}") for n in range(5)]


def test_root_links_every_endpoint_and_names_the_licence(client):
    body = client.get("/api/v1/").json()
    for name in ("centers", "partners", "meetings", "schema", "documentation"):
        assert client.get(body[name]).status_code == 200
    downloads = {"center-csv", "center-geojson", "partner-csv", "partner-geojson"}
    assert set(body["downloads"]) == downloads
    assert "Datenlizenz Deutschland" in body["license"]["name"]


def test_pages_link_the_next_one_and_keep_the_filters(client, centers):
    first = client.get("/api/v1/centers/?state=DE-TH&page_size=2").json()
    assert first["count"] == 5
    assert "state=DE-TH" in first["next"]
    assert "page=2" in first["next"]
    last = client.get("/api/v1/centers/?state=DE-TH&page_size=2&page=3").json()
    assert last["next"] is None
    assert [c["id"] for c in last["results"]] == [centers[4].slug]


@pytest.mark.parametrize("page", ["0", "99", "x"])
def test_a_page_past_the_end_is_a_json_404(client, centers, page):
    response = client.get(f"/api/v1/centers/?page={page}")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_an_unchanged_list_answers_304_to_its_etag(client, centers):
    first = client.get("/api/v1/centers/")
    assert first["Cache-Control"] == "public, max-age=300"
    etag = first["ETag"]
    again = client.get("/api/v1/centers/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_change_gives_a_new_etag(client, centers):
    etag = client.get("/api/v1/centers/")["ETag"]
    centers[0].phone = "+49 361 123"
    centers[0].save()
    response = client.get("/api/v1/centers/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_cors_allows_reading_from_any_origin_but_nothing_else(client, centers):
    response = client.get("/api/v1/centers/", HTTP_ORIGIN="https://www.example.gov")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/centers/",
        HTTP_ORIGIN="https://www.example.gov",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.post("/api/v1/centers/", {}).status_code == 405
    assert client.delete(f"/api/v1/centers/{centers[0].slug}/").status_code == 405


def test_the_api_sets_no_cookie(client, centers):
    for url in ("/api/v1/", "/api/v1/centers/", "/api/v1/centers.csv", "/api/v1/schema/"):
        assert not client.get(url).cookies


def test_a_detail_names_the_center_in_both_languages_with_its_links(client, centers):
    center = centers[0]
    center.name, center.short_name = "Welcome Center Thüringen", "WCT"
    center.name_en = "Welcome Center Thuringia"
    center.save()
    Closure.objects.create(
        center=center, starts_on=date(2026, 12, 24), ends_on=date(2026, 12, 26), note_de="Pause"
    )
    body = client.get(f"/api/v1/centers/{center.slug}/").json()
    assert body["id"] == center.slug
    assert body["names"] == {
        "de": "Welcome Center Thüringen",
        "en": "Welcome Center Thuringia",
        "short_de": "WCT",
        "short_en": "WCT",
    }
    assert body["closures"] == [
        {
            "starts_on": "2026-12-24",
            "ends_on": "2026-12-26",
            "notes": {"de": "Pause", "en": "Pause"},
        }
    ]
    assert body["web_url"]["en"].endswith(f"/en/centers/{center.slug}/")
    assert body["url"].endswith(f"/api/v1/centers/{center.slug}/")
    assert body["state"] == {"code": "DE-TH", "name": {"de": "Thüringen", "en": "Thuringia"}}
    assert body["address"]["country"] == "DE"


def test_the_schema_is_openapi_3_in_yaml_and_json(client):
    yaml = client.get("/api/v1/schema/")
    assert yaml.status_code == 200
    assert yaml.content.startswith(b"openapi: 3.")
    schema = client.get("/api/v1/schema/?format=json").json()
    assert {"/api/v1/centers/", "/api/v1/partners/", "/api/v1/meetings/"} <= set(schema["paths"])
    assert schema["info"]["license"]["url"] == "https://www.govdata.de/dl-de/by-2-0"
    described = schema["paths"]["/api/v1/centers/"]["get"]["parameters"]
    assert {"q", "near", "state", "service", "language", "modified_since"} <= {
        p["name"] for p in described
    }


def test_the_docs_page_loads_everything_from_the_portal(client):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(s.startswith("/") for s in sources), sources
    assert "<script>" not in html  # the start script is a file: the CSP stays 'self' only
    script = next(s for s in sources if "script" in s and "swagger" not in s)
    assert client.get(script).status_code == 200
    for asset in (s for s in sources if s.startswith("/static/")):  # shipped by a package
        assert finders.find(asset.removeprefix("/static/")), asset


@pytest.mark.parametrize(
    ("url", "template"),
    [("/de/centers/", "centers"), ("/en/partners/", "partners")],
)
def test_directory_pages_link_the_downloads_and_the_docs(client, url, template):
    html = client.get(url).content.decode()
    assert f'href="/api/v1/{template}.csv"' in html
    assert f'href="/api/v1/{template}.geojson"' in html
    assert 'href="/api/v1/docs/"' in html
