"""/metrics: Prometheus text for its bearer (or loopback when no token is set), nobody else."""

import json
import logging

import pytest

from welcome_portal.observability import JsonFormatter

pytestmark = pytest.mark.django_db


def test_metrics_refused_without_the_token(client, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_metrics_with_the_token_show_latency_cache_and_outbox(client, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    client.get("/en/centers/")
    response = client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
    assert response.status_code == 200
    text = response.content.decode()
    for name in (
        "portal_request_seconds_bucket",
        "portal_page_cache_requests_total",
        "portal_outbox_oldest_pending_seconds",
        "portal_registrations",
    ):
        assert name in text


def test_metrics_without_a_token_answer_only_on_loopback(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200


def test_metrics_without_a_token_refuse_a_visitor_forwarded_by_a_local_proxy(client, settings):
    settings.METRICS_TOKEN = ""
    for header in ("X-Forwarded-For", "Forwarded"):
        forwarded = client.get("/metrics", REMOTE_ADDR="127.0.0.1", headers={header: "203.0.113.9"})
        assert forwarded.status_code == 403


def test_prod_log_lines_are_json_with_the_extra_fields():
    record = logging.makeLogRecord(
        {"name": "portal.request", "levelname": "INFO", "msg": "request", "status": 200}
    )
    line = json.loads(JsonFormatter().format(record))
    assert line["logger"] == "portal.request"
    assert line["message"] == "request"
    assert line["status"] == 200
