import pytest

from welcome_portal.celery import app as celery_app


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """The mail task runs in the request's process, whether or not REDIS_URL names a broker."""
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = eager
