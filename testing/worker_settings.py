"""Settings of the Celery worker that the invitation tests and the benchmark start.

The development settings (SMTP from EMAIL_URL, Redis from REDIS_URL), with short delays so that
retries and the sweep happen within seconds, and switches for the controls.
"""

import os

from welcome_portal.settings.dev import *  # noqa: F403

INVITATION_RETRY_DELAY = float(os.environ.get("INVITATION_RETRY_DELAY", "0.2"))
INVITATION_RETRY_MAX_DELAY = float(os.environ.get("INVITATION_RETRY_MAX_DELAY", "1"))
INVITATION_STUCK_AFTER = float(os.environ.get("INVITATION_STUCK_AFTER", "300"))
INVITATION_BATCH_SIZE = int(os.environ.get("INVITATION_BATCH_SIZE", "100"))
# The control of the kill test turns this off to show that mail is lost without it.
CELERY_TASK_REJECT_ON_WORKER_LOST = os.environ.get("REJECT_ON_WORKER_LOST", "1") == "1"
# The fault tests and bench/bench_faults.py: how soon a dead process's claims or a lost task count.
OUTBOX_HEARTBEAT_INTERVAL = float(os.environ.get("OUTBOX_HEARTBEAT_INTERVAL", "5"))
OUTBOX_WORKER_GONE_AFTER = float(os.environ.get("OUTBOX_WORKER_GONE_AFTER", "20"))
OUTBOX_PENDING_AFTER = float(os.environ.get("OUTBOX_PENDING_AFTER", "20"))
OUTBOX_SWEEP_INTERVAL = float(os.environ.get("OUTBOX_SWEEP_INTERVAL", "20"))
CELERY_BEAT_SCHEDULE["events-sweep-outbox"]["schedule"] = OUTBOX_SWEEP_INTERVAL  # noqa: F405
