import pytest

from welcome_portal.celery import app as celery_app


@pytest.fixture
def celery_conf():
    """Change Celery's broker settings for one test, then restore them."""
    saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    yield celery_app.conf
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved


@pytest.mark.django_db
def test_healthz_reports_database_and_in_process_tasks(client, celery_conf):
    celery_conf.task_always_eager = True
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "in-process"}


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_reports_a_stopped_broker_honestly(client, private_redis, celery_conf):
    celery_conf.task_always_eager = False
    celery_conf.broker_url = private_redis.url
    assert client.get("/healthz").json() == {"database": "ok", "broker": "ok"}

    private_redis.stop()
    response = client.get("/healthz")
    assert response.status_code == 200  # the database is still there
    assert response.json() == {"database": "ok", "broker": "unreachable"}
