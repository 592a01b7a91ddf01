import pytest


@pytest.mark.django_db
def test_healthz_reports_database_and_in_process_tasks(client, tasks_in_process):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "in-process"}


@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_reports_a_stopped_broker_honestly(client, broker):
    assert client.get("/healthz").json() == {"database": "ok", "broker": "ok"}

    broker.stop()
    response = client.get("/healthz")
    assert response.status_code == 200  # the database is still there
    assert response.json() == {"database": "ok", "broker": "unreachable"}
