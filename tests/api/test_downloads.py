"""CSV and GeoJSON of the public directories."""

import csv
import io

import pytest

from api.downloads import CENTER_COLUMNS, PARTNER_COLUMNS
from tests.factories import CenterFactory, PartnerFactory, TopicFactory

pytestmark = pytest.mark.django_db


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_center_csv_has_one_row_per_center_as_a_file(client):
    CenterFactory(name="Welcome Center Erfurt", phone="+49 361 123")
    CenterFactory(name="Welcome Center Gera", latitude=None, longitude=None)
    response = client.get("/api/v1/centers.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="welcome-centers.csv"'
    table = rows(response)
    assert [r["name"] for r in table] == ["Welcome Center Erfurt", "Welcome Center Gera"]
    assert table[0]["phone"] == "+49 361 123"  # a phone number is not a formula
    assert table[0]["state"] == "DE-TH"


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client):
    CenterFactory(name='=HYPERLINK("https://evil.example")', slug="formula")
    table = rows(client.get("/api/v1/centers.csv"))
    assert table[0]["name"].startswith("'=")


def test_center_geojson_is_a_feature_collection_with_lon_lat(client):
    CenterFactory(name="Welcome Center Erfurt")
    CenterFactory(name="Welcome Center Gera", latitude=None, longitude=None)
    response = client.get("/api/v1/centers.geojson")
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    erfurt, gera = body["features"]
    assert erfurt["geometry"] == {"type": "Point", "coordinates": [11.0269, 50.9764]}
    assert erfurt["properties"]["name"] == "Welcome Center Erfurt"
    assert gera["geometry"] is None


def test_downloads_take_the_directory_filters(client):
    CenterFactory(name="Welcome Center Erfurt")
    partner = PartnerFactory(name="Goethe-Institut Lima", country="PE", topics=[TopicFactory()])
    PartnerFactory(name="Goethe-Institut Mexiko")
    table = rows(client.get("/api/v1/partners.csv?country=PE"))
    assert [r["id"] for r in table] == [partner.slug]
    assert table[0]["topics"] == partner.topics.get().slug
    nothing = client.get("/api/v1/centers.csv?state=DE-BY").content.decode()
    assert nothing.splitlines() == [",".join(CENTER_COLUMNS)]  # the header line alone


def test_a_bad_filter_on_a_download_is_a_json_400(client):
    response = client.get("/api/v1/centers.geojson?state=nowhere")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "state" in response.json()


def test_rows_have_exactly_the_announced_columns(client):
    CenterFactory()
    PartnerFactory()
    assert list(rows(client.get("/api/v1/centers.csv"))[0]) == CENTER_COLUMNS
    assert list(rows(client.get("/api/v1/partners.csv"))[0]) == PARTNER_COLUMNS
