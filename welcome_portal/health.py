"""Reachability of the database and the Celery broker, as /healthz reports them."""

from django.db import DatabaseError, connection

from .celery import app
from .tasks import ping


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unreachable"
    return "ok"


def broker_status() -> str:
    if app.conf.task_always_eager:
        return "in-process"
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            ping.apply_async(connection=conn, retry=False, expires=60)
    except Exception:  # kombu and redis raise many types; all mean "not reachable"
        return "unreachable"
    return "ok"
