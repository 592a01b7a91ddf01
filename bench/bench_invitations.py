"""Benchmark of the invitation pipeline against a plain smtplib loop (not a test).

    .venv/bin/python bench/bench_invitations.py [--count 10000]

Uses its own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_invitations;
created and migrated if needed), a private redis-server, ONE Celery worker (`--concurrency`
pool processes, default 2 as in the Procfile)
and an SMTP sink (aiosmtpd) in its own process. Times `count` invitations from the organizer's
click (rows written, tasks enqueued) until every row is marked sent, and a plain smtplib loop
that sends one prebuilt invitation `count` times over one connection into the same sink, once
before and once after the pipeline (the ratio uses their mean).
"""

import argparse
import os
import smtplib
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_invitations")
os.environ["DJANGO_SETTINGS_MODULE"] = "testing.worker_settings"
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def start_sink() -> tuple[subprocess.Popen, int]:
    sink = subprocess.Popen(
        [sys.executable, "-m", "testing.servers"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return sink, int(sink.stdout.readline())


def stop_sink(sink: subprocess.Popen) -> int:
    out, _ = sink.communicate("", timeout=30)
    return int(out.strip().splitlines()[-1])


def pipeline(count: int, tmp: Path, sink_port: int, concurrency: int) -> float:
    from celery import current_app

    from events.models import Invitation, Meeting
    from events.services import invitation_create_many
    from events.services.invitees import Invitee
    from testing.servers import CeleryWorker, RedisServer

    Meeting.objects.filter(slug__startswith="bench-invitations").delete()
    meeting = bench_meeting(f"bench-invitations-{time.time_ns()}")
    redis = RedisServer(tmp).start()
    current_app.conf.update(broker_url=redis.url, task_always_eager=False)
    worker = CeleryWorker(
        redis_url=redis.url,
        email_url=f"smtp://127.0.0.1:{sink_port}",
        log_path=tmp / "worker.log",
        env={"DATABASE_URL": os.environ["DATABASE_URL"]},
        concurrency=concurrency,
    ).start()
    try:
        invitees = [Invitee(f"person{i}@example.org", f"Person {i}") for i in range(count)]
        start = time.perf_counter()
        invitation_create_many(meeting=meeting, invitees=invitees)
        sent = Invitation.objects.filter(meeting=meeting, status="sent")
        while sent.count() < count:
            time.sleep(0.2)
        return time.perf_counter() - start
    finally:
        worker.stop()
        redis.stop()


def plain_loop(count: int, sink_port: int, message: bytes) -> float:
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", sink_port) as smtp:
        for i in range(count):
            smtp.sendmail("noreply@example.org", [f"plain{i}@example.org"], message)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--concurrency", type=int, default=2, help="pool processes of the worker (Procfile: 2)"
    )
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)

    sink, port = start_sink()
    sample = sample_message()
    # The plain loop runs before and after the pipeline: on a shared machine the load drifts.
    plain_before = plain_loop(args.count, port, sample)
    with tempfile.TemporaryDirectory() as tmp:
        seconds = pipeline(args.count, Path(tmp), port, args.concurrency)
    plain_after = plain_loop(args.count, port, sample)
    received = stop_sink(sink)

    rate = args.count / seconds
    raw = 2 * args.count / (plain_before + plain_after)
    print(
        f"invitations: {args.count} in {seconds:.1f} s = {rate:.0f}/s "
        f"(one worker, {args.concurrency} pool process(es))"
    )
    print(
        f"plain smtplib loop: {args.count / plain_before:.0f}/s before, "
        f"{args.count / plain_after:.0f}/s after, mean {raw:.0f}/s"
    )
    print(f"ratio: {rate / raw:.2f}; messages received by the sink: {received}")


def sample_message() -> bytes:
    """One real invitation e-mail as bytes, for the plain loop."""
    from events.models import Invitation
    from events.outbox.messages import smtp_envelope

    meeting = bench_meeting(f"bench-invitations-sample-{time.time_ns()}")
    invitation = Invitation(meeting=meeting, email="sample@example.org", name="Sample", pk=0)
    return smtp_envelope(invitation)[2]


def bench_meeting(slug: str):
    """A published two-day meeting to invite people to."""
    from datetime import timedelta

    from django.utils import timezone

    from events.models import Meeting

    starts = timezone.now() + timedelta(days=60)
    return Meeting.objects.create(
        title_de="Benchmark-Treffen",
        title_en="Benchmark meeting",
        slug=slug,
        year=starts.year,
        status=Meeting.Status.PUBLISHED,
        starts_at=starts,
        ends_at=starts + timedelta(days=1),
    )


if __name__ == "__main__":
    main()
