"""Fault recovery of the invitation pipeline (issue 17), not a test.

    .venv/bin/python bench/bench_faults.py [--count 300] [--quick]

A private redis-server, a Celery worker (two pool processes, as the Procfile) and a beat
process with the settings of `testing/worker_settings.py` (the production timings unless
`--quick`), an aiosmtpd sink that counts per recipient, and the database DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/wp_bench_faults, created and migrated if needed).

a) SIGKILL of the whole worker while the sink holds one message, the worker started again
   under its name: seconds from the restart until every invitation is sent.
b) Redis stopped while sending (`--outage` seconds), started again empty: seconds from its
   return until every invitation is sent.
c) The organizer's "Send the invitations" (a POST through the whole stack) with Redis, the
   broker and the cache, stopped: its latency.

Each prints how many messages arrived once and how many twice (at most the one in flight at
the kill may arrive twice). `--quick` (30 invitations, heartbeat and sweep within seconds) is
the smoke run; goals: a) and b) ≤ 60 s, c) ≤ 2 s.
"""

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_faults")
os.environ["DJANGO_SETTINGS_MODULE"] = "testing.worker_settings"
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("REGISTRATION_RATE_LIMIT", "20/h")

from bench_invitations import bench_meeting, ensure_database  # noqa: E402

from testing.servers import CeleryWorker, RedisServer, SmtpSink, free_port  # noqa: E402

os.environ["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"

QUICK_ENV = {
    "OUTBOX_HEARTBEAT_INTERVAL": "0.5",
    "OUTBOX_WORKER_GONE_AFTER": "2",
    "OUTBOX_PENDING_AFTER": "2",
    "OUTBOX_SWEEP_INTERVAL": "2",
    "INVITATION_BATCH_SIZE": "5",  # several batches queued in Redis when it goes down
}


class Stack:
    """Redis, sink, worker and beat for one scenario."""

    def __init__(self, tmp: Path, env: dict):
        import subprocess

        self.subprocess = subprocess
        self.tmp, self.env = tmp, env
        self.redis = RedisServer(tmp)
        # The port of REDIS_URL, so that this process's cache and broker are this Redis too.
        self.redis.port = int(os.environ["REDIS_URL"].rsplit(":", 1)[1].split("/")[0])
        self.redis.url = os.environ["REDIS_URL"]
        self.sink = SmtpSink().start()
        self.worker = None
        self.beat = None

    def start(self, *, workers: bool = True):
        from celery import current_app

        self.redis.start()
        current_app.conf.update(broker_url=self.redis.url, task_always_eager=False)
        current_app._pool = None
        current_app.amqp._producer_pool = None
        if not workers:
            return self
        self.start_worker()
        self.beat = self.subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "welcome_portal",
                "beat",
                f"--schedule={self.tmp / 'beat-schedule'}",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=self.worker.env,
            stdout=self.subprocess.DEVNULL,
            stderr=self.subprocess.DEVNULL,
        )
        return self

    def start_worker(self):
        self.worker = CeleryWorker(
            redis_url=self.redis.url,
            email_url=self.sink.url,
            log_path=self.tmp / "worker.log",
            env={"DATABASE_URL": os.environ["DATABASE_URL"], **self.env},
            concurrency=2,
            name="bench1@localhost",
        ).start(timeout=60)

    def stop(self):
        if self.beat:
            self.beat.terminate()
            self.beat.wait(timeout=10)
        if self.worker:
            self.worker.stop()
        self.redis.stop()
        self.sink.stop()


def invite(count: int):
    from events.services import invitation_create_many
    from events.services.invitees import Invitee

    meeting = bench_meeting(f"bench-faults-{time.time_ns()}")
    invitation_create_many(
        meeting=meeting,
        invitees=[Invitee(f"person{i}@example.org", f"Person {i}") for i in range(count)],
    )
    return meeting


def wait_all_sent(meeting, count: int, timeout: float = 900) -> float:
    start = time.monotonic()
    sent = meeting.invitations.filter(status="sent")
    while sent.count() < count:
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"only {sent.count()} of {count} sent after {timeout} s")
        time.sleep(0.1)
    return time.monotonic() - start


def counts(sink, count: int) -> str:
    time.sleep(0.5)
    once = sum(1 for i in range(count) if sink.received[f"person{i}@example.org"] == 1)
    twice = sum(1 for n in sink.received.values() if n > 1)
    missing = sum(1 for i in range(count) if not sink.received[f"person{i}@example.org"])
    return f"{once} exactly once, {twice} twice, {missing} missing"


def kill_and_restart(tmp: Path, count: int, env: dict) -> str:
    stack = Stack(tmp, env).start()
    try:
        held = f"person{count // 3}@example.org"
        stack.sink.hold.add(held)
        meeting = invite(count)
        assert stack.sink.holding.wait(60), "the held message never arrived"
        stack.worker.kill()
        stack.sink.hold.clear()
        stack.sink.release.set()
        restarted = time.monotonic()
        stack.start_worker()
        wait_all_sent(meeting, count)
        seconds = time.monotonic() - restarted
        return f"a) SIGKILL, worker back: all {count} out {seconds:.1f} s after the restart; " + (
            counts(stack.sink, count)
        )
    finally:
        stack.stop()


def redis_outage(tmp: Path, count: int, env: dict, outage: float) -> str:
    stack = Stack(tmp, env).start()
    try:
        meeting = invite(count)
        while stack.sink.total < count // 6:
            time.sleep(0.01)
        stack.redis.stop()
        time.sleep(outage)
        stack.redis.start()
        back = time.monotonic()
        wait_all_sent(meeting, count)
        seconds = time.monotonic() - back
        return (
            f"b) Redis down {outage:.0f} s: all {count} out {seconds:.1f} s after it came back; "
            + counts(stack.sink, count)
        )
    finally:
        stack.stop()


def request_with_redis_down(tmp: Path, count: int) -> str:
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from accounts.models import User

    stack = Stack(tmp, {}).start(workers=False)
    try:
        meeting = bench_meeting(f"bench-faults-request-{time.time_ns()}")
        organizer, _ = User.objects.get_or_create(email="bench-organizer@example.org")
        meeting.organizers.add(organizer)
        client = Client()
        client.force_login(organizer)
        stack.redis.stop()
        seconds = []
        for n in range(2):  # the first request of the process pays for imports and templates
            text = "\n".join(f"Person {i}, person{n}-{i}@example.org" for i in range(count))
            with translation.override("en"):
                start = time.perf_counter()
                response = client.post(
                    reverse("events:manage_invitations", args=[meeting.slug]),
                    {"text": text, "confirm": "1"},
                    follow=True,
                )
                seconds.append(time.perf_counter() - start)
        pending = meeting.invitations.filter(status="pending").count()
        return (
            f"c) organizer's send of {count} with Redis down: {seconds[0]:.2f} s the first "
            f"request of the process, {seconds[1]:.2f} s the next (POST and the page it "
            f"leads to: {response.status_code}; {pending} rows pending)"
        )
    finally:
        stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--outage", type=float, default=15.0, help="seconds Redis stays down")
    parser.add_argument("--quick", action="store_true", help="30 invitations, quick timings")
    args = parser.parse_args()
    env = QUICK_ENV if args.quick else {}
    count = 30 if args.quick else args.count
    outage = 2.0 if args.quick else args.outage
    os.environ.update(env)
    ensure_database(os.environ["DATABASE_URL"])

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from events.models import Meeting

    Meeting.objects.filter(slug__startswith="bench-faults").delete()  # no rows of a former run
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's line per connection
    with tempfile.TemporaryDirectory() as tmp:
        print(kill_and_restart(Path(tmp), count, env), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        print(redis_outage(Path(tmp), count, env, outage), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        print(request_with_redis_down(Path(tmp), count), flush=True)
    print("goals: a) and b) within 60 s, c) within 2 s")


if __name__ == "__main__":
    main()
