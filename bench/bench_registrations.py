"""Benchmark: 500 people register at the same moment over HTTP for 150 seats (not a test).

    .venv/bin/python bench/bench_registrations.py [--clients 500] [--seats 150] [--workers 4]

Uses its own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_events;
created and migrated if needed) and a private redis-server as the Celery broker (notices are
queued as in production, no worker runs). Starts gunicorn (production settings, gthread
workers) on a free port, creates a fresh on-site meeting with `seats` seats, lets every client
fetch the registration form (its own CSRF cookie and token), releases all POSTs at once with a
barrier and reports the confirmed count, errors and p50/p95 of the POSTs. Capacity must hold:
exactly `seats` confirmed and the rest waitlisted with positions 1..n.
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_events")
os.environ["DJANGO_SETTINGS_MODULE"] = "welcome_portal.settings.dev"
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
# The prod settings need an https SITE_URL; links are not followed in a benchmark.
os.environ.setdefault("SITE_URL", "https://bench.invalid")
os.environ.setdefault("REGISTRATION_RATE_LIMIT", "off")  # hundreds register from one address
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def wait_for_port(port: int, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not start")


def start_redis(workdir: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    args = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", workdir]
    redis = subprocess.Popen([shutil.which("redis-server"), *args], stdout=subprocess.DEVNULL)
    wait_for_port(port, redis, "redis-server")
    return redis, port


def start_gunicorn(env: dict, workers: int, threads: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    gunicorn = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "welcome_portal.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=gthread",
            f"--threads={threads}",
            "--backlog=2048",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(port, gunicorn, "gunicorn")
    return gunicorn, port


def create_meeting(seats: int):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import Meeting

    now = timezone.now()
    return Meeting.objects.create(
        title_de="Lasttest",
        title_en="Load test",
        slug=f"bench-{int(time.time() * 1000)}",
        year=now.year + 1,
        format=Meeting.Format.ON_SITE,
        starts_at=now + timedelta(days=30),
        ends_at=now + timedelta(days=31),
        onsite_seats=seats,
        status=Meeting.Status.PUBLISHED,
    )


class Participant:
    """One browser: GET the form (cookie + token), then POST when the barrier opens.

    Each request on a new connection: while the others fetch their forms, an idle keep-alive
    connection would be closed by gunicorn (keepalive 2 s), as it would be for a browser."""

    def __init__(self, port: int, path: str, number: int):
        self.port, self.path, self.number = port, path, number

    def request(self, method: str, **kwargs) -> tuple[http.client.HTTPResponse, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            conn.request(method, self.path, **kwargs)
            response = conn.getresponse()
            return response, response.read()
        finally:
            conn.close()

    def fetch_form(self) -> None:
        response, body = self.request("GET")
        cookie = response.getheader("Set-Cookie") or ""
        self.cookie = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        self.token = CSRF_INPUT.search(body).group(1).decode()

    def register(self) -> tuple[int, float]:
        body = urlencode(
            {
                "csrfmiddlewaretoken": self.token,
                "name": f"Bench Person {self.number}",
                "email": f"bench{self.number}@example.org",
                "organisation": "Benchmark",
                "attendance_mode": "on_site",
                "privacy_consent": "on",
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={self.cookie}",
        }
        start = time.perf_counter()
        response, _body = self.request("POST", body=body, headers=headers)
        return response.status, (time.perf_counter() - start) * 1000


def run_clients(port: int, path: str, clients: int) -> tuple[list[float], list[str]]:
    participants = [Participant(port, path, n) for n in range(clients)]
    barrier = threading.Barrier(clients)

    def one(participant: Participant):
        try:
            participant.fetch_form()
        except Exception as exc:  # reported, not fatal
            barrier.abort()
            return None, f"form: {exc!r}"
        barrier.wait(timeout=120)
        try:
            status, ms = participant.register()
        except Exception as exc:
            return None, f"post: {exc!r}"
        # The answer page (200) says the status; it no longer redirects to the personal page.
        return (ms, None) if status == 200 else (None, f"HTTP {status}")

    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(one, participants))
    return [ms for ms, _ in results if ms is not None], [e for _, e in results if e]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--seats", type=int, default=150)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    from events.models import Registration

    call_command("migrate", verbosity=0)
    meeting = create_meeting(args.seats)
    with tempfile.TemporaryDirectory() as workdir:
        redis, redis_port = start_redis(workdir)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "welcome_portal.settings.prod",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "false",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            # The rush measures the capacity lock, not the limiter (which another branch adds).
            "REGISTRATION_RATE_LIMIT": "off",
            "REQUEST_LOG_LEVEL": "WARNING",
        }
        gunicorn, port = start_gunicorn(env, args.workers, args.threads)
        try:
            started = time.perf_counter()
            samples, errors = run_clients(
                port, f"/en/events/{meeting.slug}/register/", args.clients
            )
            wall = time.perf_counter() - started
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
            redis.terminate()
            redis.wait(timeout=10)

    registrations = Registration.objects.filter(meeting=meeting)
    confirmed = registrations.filter(status="confirmed").count()
    positions = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    print(f"clients {args.clients}, seats {args.seats}, gunicorn {args.workers}x{args.threads}")
    print(f"confirmed {confirmed}, waitlisted {len(positions)}, errors {len(errors)}")
    gapless = positions == list(range(1, len(positions) + 1))
    print(f"waiting list positions 1..{len(positions)} without gaps: {gapless}")
    if samples:
        print(
            f"POST p50 {statistics.median(samples):.0f} ms, "
            f"p95 {percentile(samples, 0.95):.0f} ms, max {max(samples):.0f} ms; "
            f"all {args.clients} clients done in {wall:.1f} s"
        )
    for error in sorted(set(errors))[:5]:
        print("error:", error)
    if confirmed != args.seats or not gapless:
        sys.exit("capacity broken")
    if errors:
        sys.exit(f"{len(errors)} registrations failed")


if __name__ == "__main__":
    main()
