"""Shared fixtures, and the rule for tests that need a service.

A test marked `postgres`, `redis`, `browser`, `gettext` or `java` is skipped with the reason
when the service is missing, and fails instead when CI is set: CI must run every test.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection

from testing.servers import CeleryWorker, RedisServer, SmtpSink
from tests.factories import StaffFactory
from welcome_portal.celery import app as celery_app
from welcome_portal.settings.env import cache_url_beside

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
IN_CI = bool(os.environ.get("CI"))


def _missing_service(item) -> str | None:
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if item.get_closest_marker("redis") and not shutil.which("redis-server"):
        return "needs Redis: redis-server is not installed"
    if item.get_closest_marker("browser") and not CHROMIUM.exists():
        return f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
    if item.get_closest_marker("gettext") and not shutil.which("xgettext"):
        return "needs GNU gettext to extract strings (apt-get install gettext)"
    if item.get_closest_marker("java") and not shutil.which("java"):
        return "needs Java for the Nu HTML checker (apt-get install default-jre-headless)"
    return None


def pytest_configure(config):
    config.addinivalue_line("markers", "java: needs a Java runtime (the Nu HTML checker, vnu.jar)")
    config.addinivalue_line("markers", "gettext: needs GNU gettext (xgettext) to extract strings")


def pytest_runtest_setup(item):
    reason = _missing_service(item)
    if reason:
        if IN_CI:
            pytest.fail(f"CI is set but the test {reason}")
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty shared cache: no page cached by another test's data."""
    cache.clear()


@pytest.fixture
def private_redis(tmp_path):
    server = RedisServer(tmp_path).start()
    try:
        yield server
    finally:
        server.stop()


def point_celery_at(url: str | None):
    """Make this process publish to `url` (None: run tasks in-process) and forget old pools."""
    celery_app.conf.task_always_eager = url is None
    celery_app.conf.broker_url = url or "memory://"
    celery_app.conf.broker_connection_retry = False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def tasks_in_process():
    """Celery tasks run in this process, whatever REDIS_URL says; restored afterwards."""
    saved = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    point_celery_at(None)
    yield celery_app.conf
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = saved
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def fail_soft_cache(url: str, **options) -> dict:
    """CACHES: the portal's fail-soft Redis cache at `url`, the configured options and `options`."""
    configured = django_settings.CACHES["default"]
    return {
        "default": {
            **configured,
            "BACKEND": "welcome_portal.cache.FailSoftRedisCache",
            "LOCATION": url,
            "OPTIONS": {**configured.get("OPTIONS", {}), **options},
        }
    }


@pytest.fixture
def broker(tasks_in_process, private_redis, settings):
    """A private redis-server that this process publishes to, with the shared cache beside the
    queue as in production (a worker started on it uses the same one): stopping it stops both."""
    point_celery_at(private_redis.url)
    settings.CACHES = fail_soft_cache(cache_url_beside(private_redis.url))
    return private_redis


@pytest.fixture
def smtp_sink():
    sink = SmtpSink().start()
    try:
        yield sink
    finally:
        sink.stop()


@pytest.fixture
def start_worker(broker, smtp_sink, tmp_path):
    """Start a worker on the private Redis, sending into the sink: `start_worker(env={...})`;
    `name=` gives it a node name (the same as a dead worker's to replace it)."""
    workers = []

    def start(env: dict | None = None, name: str | None = None) -> CeleryWorker:
        worker = CeleryWorker(
            redis_url=broker.url,
            email_url=smtp_sink.url,
            log_path=tmp_path / "worker.log",
            env=env,
            name=name,
        )
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        worker.stop()
    if workers:
        print(workers[0].log())  # shown when the test fails


@pytest.fixture
def agency_staff(db):
    """Agency staff with the second factor, ready for the admin and every dashboard."""
    return StaffFactory(email="staff@example.org", name="Sabine Staff")


@pytest.fixture
def staff_client(client, agency_staff):
    client.force_login(agency_staff)
    return client
