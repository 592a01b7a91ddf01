"""Benchmark: 500 people register at the same moment over HTTP for 150 seats (not a test).

    .venv/bin/python bench/bench_registrations.py [--clients 500] [--seats 150] [--workers 2]

Uses its own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_events;
created and migrated if needed) and a private redis-server as the Celery broker (notices are
queued as in production, no worker runs). Starts gunicorn (production settings plus `/bare/`,
bench/pages_settings.py; gthread workers) on a free port and measures the bare view first (wrk,
16 connections), then creates a fresh on-site meeting with `seats` seats, lets every client
fetch the registration form (its own CSRF cookie and token) and prepare its POST, releases all
POSTs at once with a barrier and prints a markdown block: the confirmed count, errors, p50/p95
of the POSTs, POSTs per second as a ratio to the bare view, the CPU per POST of the server and
of this load generator, and the connections Redis accepted during the rush. Capacity must hold:
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
# The production settings, as the server runs them (DEBUG off: no query log).
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.pages_settings"
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
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


def start_gunicorn(
    env: dict, workers: int, threads: int, worker_class: str = "gthread"
) -> tuple[subprocess.Popen, int]:
    port = free_port()
    gunicorn = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "welcome_portal.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--worker-class={worker_class}",
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
    """One browser: GET the form (cookie + token) and prepare the POST's body, then send it
    when the barrier opens.

    Each request on a new connection: a connection opened before the barrier would hold a
    gunicorn thread while it waits (gunicorn reads the request as soon as it accepts), and
    while the others fetch their forms an idle keep-alive connection would be closed by gunicorn
    (keepalive 2 s), as it would be for a browser."""

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
        cookie = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        token = CSRF_INPUT.search(body).group(1).decode()
        self.body = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"Bench Person {self.number}",
                "email": f"bench{self.number}@example.org",
                "organisation": "Benchmark",
                "attendance_mode": "on_site",
                "privacy_consent": "on",
            }
        ).encode()
        self.headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
        }

    def register(self) -> tuple[int, float]:
        start = time.perf_counter()
        response, _body = self.request("POST", body=self.body, headers=self.headers)
        return response.status, (time.perf_counter() - start) * 1000


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes so far (Linux /proc)."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def worker_pids(master: int) -> list[int]:
    with open(f"/proc/{master}/task/{master}/children") as children:
        return [int(pid) for pid in children.read().split()]


def redis_connections(port: int) -> int:
    """Connections the private Redis has accepted so far (this question's own included)."""
    import redis

    with redis.Redis(host="127.0.0.1", port=port) as client:
        return client.info("stats")["total_connections_received"]


def run_clients(port: int, path: str, clients: int, on_release) -> tuple[list[float], list[str]]:
    participants = [Participant(port, path, n) for n in range(clients)]
    barrier = threading.Barrier(clients, action=on_release)

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
    parser.add_argument("--workers", type=int, default=2)  # = cores: README, "More web processes"
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    parser.add_argument("--bare-seconds", type=float, default=3, help="wrk on the bare view")
    args = parser.parse_args()
    load_at_start = os.getloadavg()[0]

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    from bench.bench_pages import python_load, wrk
    from events.models import Registration

    call_command("migrate", verbosity=0)
    meeting = create_meeting(args.seats)
    with tempfile.TemporaryDirectory() as workdir:
        redis, redis_port = start_redis(workdir)
        env = {
            **os.environ,
            "DEBUG": "0",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            # The rush measures the capacity lock, not the limiter (which another branch adds).
            "REGISTRATION_RATE_LIMIT": "off",
            "REQUEST_LOG_LEVEL": "WARNING",
        }
        gunicorn, port = start_gunicorn(env, args.workers, args.threads, args.worker_class)
        load = wrk if shutil.which("wrk") else python_load
        release = {}

        def on_release():  # every form fetched: the POSTs start now
            release.update(
                wall=time.perf_counter(),
                client=time.process_time(),
                server=cpu_seconds(worker_pids(gunicorn.pid)),
                redis=redis_connections(redis_port),
            )

        try:
            python_load(port, "/bare/", 0.5, 1)  # warm
            bare = load(port, "/bare/", args.bare_seconds, 16)
            path = f"/en/events/{meeting.slug}/register/"
            samples, errors = run_clients(port, path, args.clients, on_release)
            drained = time.perf_counter() - release["wall"]
            client_cpu = time.process_time() - release["client"]
            server_cpu = cpu_seconds(worker_pids(gunicorn.pid)) - release["server"]
            redis_opened = redis_connections(redis_port) - release["redis"]
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
            redis.terminate()
            redis.wait(timeout=10)

    registrations = Registration.objects.filter(meeting=meeting)
    confirmed = registrations.filter(status="confirmed").count()
    positions = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    gapless = positions == list(range(1, len(positions) + 1))
    rate = args.clients / drained
    workers = f"{args.workers} {args.worker_class} workers"
    if args.worker_class == "gthread":
        workers += f" x {args.threads} threads"
    tool = "wrk" if shutil.which("wrk") else "a Python load generator"
    print(
        f"{args.clients} clients at once for {args.seats} seats; gunicorn {workers}, production "
        f"settings; bare view by {tool}, 16 connections, {args.bare_seconds:g} s; "
        f"load average at the start {load_at_start:.1f}.\n"
    )
    print("| measure | value |\n| --- | ---: |")
    print(f"| confirmed / waitlisted / errors | {confirmed} / {len(positions)} / {len(errors)} |")
    print(f"| waiting list positions 1..{len(positions)} without gaps | {gapless} |")
    if samples:
        p50, p95 = statistics.median(samples), percentile(samples, 0.95)
        print(f"| POST p50 / p95 / max | {p50:,.0f} / {p95:,.0f} / {max(samples):,.0f} ms |")
    print(f"| all POSTs answered after | {drained:.1f} s |")
    print(f"| bare view | {bare:,.0f} req/s |")
    print(f"| POSTs per second | {rate:,.0f} (ratio {rate / bare:.3f}) |")
    server_ms, client_ms = server_cpu / args.clients * 1000, client_cpu / args.clients * 1000
    print(
        f"| CPU per POST: gunicorn / this load generator | {server_ms:.1f} / {client_ms:.1f} ms |"
    )
    print(f"| connections Redis accepted during the POSTs | {redis_opened} |")
    for error in sorted(set(errors))[:5]:
        print("\nerror:", error)
    if confirmed != args.seats or not gapless:
        sys.exit("capacity broken")
    if errors:
        sys.exit(f"{len(errors)} registrations failed")


if __name__ == "__main__":
    main()
