"""Anonymous clients are throttled per address on the shared cache."""

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(API_RATE_LIMIT="3/m")
def test_past_the_limit_the_api_answers_429_with_retry_after(client):
    statuses = [client.get("/api/v1/centers/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = client.get("/api/v1/partners/")  # the limit counts every endpoint together
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "no-store" in refused["Cache-Control"]
    assert refused["Access-Control-Allow-Origin"] == "*"


@override_settings(API_RATE_LIMIT="2/m")
def test_another_address_is_counted_apart(client):
    cache.delete("throttle_open-data_192.0.2.7")
    for _ in range(2):
        client.get("/api/v1/")
    assert client.get("/api/v1/").status_code == 429
    other = client.get("/api/v1/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


@override_settings(API_RATE_LIMIT="2/m")
def test_a_forged_forwarded_header_does_not_escape_the_limit(client):
    for n in range(2):
        client.get("/api/v1/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert client.get("/api/v1/", HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


@override_settings(API_RATE_LIMIT="2/m")
def test_downloads_are_throttled_and_answer_in_json(client):
    for _ in range(2):
        client.get("/api/v1/centers.csv")
    refused = client.get("/api/v1/centers.csv")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert "Retry-After" in refused
