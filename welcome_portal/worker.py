"""The Celery worker's consumer (setting CELERY_WORKER_CONSUMER), loaded by workers only.

Two changes to Celery's own, both so that mail is out soon after a fault:

- after losing the broker it tries again every few seconds, not backing off to kombu's 30;
- every time it has (re)connected, it asks for the outbox sweep with its own name and pid, so
  that the claims of its earlier run (killed before) and the rows whose task was lost while
  Redis was down are handed out at once (`events.outbox.recovery`).
"""

import functools
import logging
import os

from celery import bootsteps
from celery.worker import consumer

logger = logging.getLogger(__name__)

RECONNECT = {"interval_start": 0.5, "interval_step": 0.5, "interval_max": 3}


class SweepOnConnect(bootsteps.StartStopStep):
    """Sends `events.sweep_outbox` (worker name, main pid) once the consumer is connected."""

    requires = ("celery.worker.consumer.tasks:Tasks",)

    def start(self, c):
        try:
            c.app.send_task(
                "events.sweep_outbox",
                kwargs={"worker": c.hostname, "main_pid": os.getpid()},
                retry=False,
            )
        except Exception:  # the broker dropped again: the next connection or the beat sweeps
            logger.warning("could not ask for the outbox sweep", exc_info=True)


class Consumer(consumer.Consumer):
    class Blueprint(consumer.Consumer.Blueprint):
        default_steps = [*consumer.Consumer.Blueprint.default_steps, SweepOnConnect]

    def ensure_connected(self, conn):
        conn.ensure_connection = functools.partial(conn.ensure_connection, **RECONNECT)
        return super().ensure_connected(conn)
