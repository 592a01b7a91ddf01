"""Fixtures for the invitation tests: an SMTP sink, a private Redis as broker, a real worker."""

import pytest

from tests.invitations.smtp_sink import SmtpSink
from tests.invitations.worker import CeleryWorker
from welcome_portal.celery import app as celery_app


def _point_celery_at(url: str | None):
    """Make this process publish to `url` (None: run tasks in-process) and forget old pools."""
    celery_app.conf.task_always_eager = url is None
    celery_app.conf.broker_url = url or "memory://"
    celery_app.conf.broker_connection_retry = False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """Tasks run in-process unless a test asks for the broker, whatever REDIS_URL says."""
    saved = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    _point_celery_at(None)
    yield
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = saved
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def smtp_sink():
    sink = SmtpSink().start()
    try:
        yield sink
    finally:
        sink.stop()


@pytest.fixture
def broker(private_redis):
    """A private redis-server that this process publishes to."""
    _point_celery_at(private_redis.url)
    return private_redis


@pytest.fixture
def start_worker(broker, smtp_sink, tmp_path):
    """Start a worker on the private Redis, sending into the sink: `start_worker(env={...})`."""
    workers = []

    def start(env: dict | None = None) -> CeleryWorker:
        worker = CeleryWorker(
            redis_url=broker.url,
            email_url=smtp_sink.url,
            log_path=tmp_path / "worker.log",
            env=env,
        )
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        worker.stop()
    if workers:
        print(workers[0].log())  # shown when the test fails
