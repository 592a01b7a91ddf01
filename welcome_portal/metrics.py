"""Prometheus metrics: what the processes count, and what the database knows at scrape time.

Counters and histograms live in the process that counts them; with several gunicorn workers set
PROMETHEUS_MULTIPROC_DIR (an empty directory, the same for all of them) so that `/metrics`
sums them. The outbox backlog, the age of its oldest pending row, the sent and failed e-mails
and the registrations are read from the database when scraped, so they are right whichever
process (web or Celery worker) did the work.
"""

import os

import prometheus_client
from django.apps import apps
from django.db.models import Count, Min
from django.utils import timezone
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

REQUEST_LATENCY = Histogram(
    "portal_request_seconds",
    "Time from the first middleware to the response, by method and status class.",
    ["method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10),
)
PAGE_CACHE = Counter(
    "portal_page_cache_requests",
    "Public page requests by page-cache result (hit, miss, bypass).",
    ["result"],
)
OUTBOX_BATCHES = Counter(
    "portal_outbox_batch_messages",
    "E-mails handled by the outbox batches of this process, by outcome.",
    ["outcome"],
)


class DatabaseCollector:
    """Gauges read at scrape time: outbox rows by status, age of the oldest pending row,
    registrations by status."""

    def collect(self):
        now = timezone.now()
        rows = GaugeMetricFamily(
            "portal_outbox_rows", "Outbox rows by kind and status.", labels=["kind", "status"]
        )
        oldest = GaugeMetricFamily(
            "portal_outbox_oldest_pending_seconds",
            "Age of the oldest row still pending or sending, by kind (0 when none).",
            labels=["kind"],
        )
        for kind, model in (("invitation", "Invitation"), ("message", "OutboxMessage")):
            queryset = apps.get_model("events", model).objects
            for row in queryset.values("status").annotate(n=Count("pk")).order_by():
                rows.add_metric([kind, row["status"]], row["n"])
            first = queryset.filter(status__in=("pending", "sending")).aggregate(
                first=Min("created_at")
            )["first"]
            oldest.add_metric([kind], (now - first).total_seconds() if first else 0)
        registrations = GaugeMetricFamily(
            "portal_registrations", "Registrations by status.", labels=["status"]
        )
        model = apps.get_model("events", "Registration")
        for row in model.objects.values("status").annotate(n=Count("pk")).order_by():
            registrations.add_metric([row["status"]], row["n"])
        yield from (rows, oldest, registrations)


def render() -> bytes:
    """The text exposition of this process's (or all processes') metrics and the gauges."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = prometheus_client.REGISTRY  # the default: a single process
    output = generate_latest(registry)
    database = CollectorRegistry(auto_describe=False)
    database.register(DatabaseCollector())
    return output + generate_latest(database)
