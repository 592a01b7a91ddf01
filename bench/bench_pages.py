"""Benchmark: directory and meeting pages as ratios to a bare view, page cache on and off.

    .venv/bin/python bench/bench_pages.py [--scale 20] [--seconds 5] [--workers 4]

Own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_pages; created,
migrated and seeded with `seed_demo --scale N`) and a private redis-server (broker and shared
cache). Starts gunicorn with the production settings plus `/bare/` (`HttpResponse(b"ok")`
behind the same middleware, bench/pages_urls.py) twice: with the page cache (warm: every page
is fetched once first) and with PAGE_CACHE=off. Each page is loaded by wrk (16 connections)
when installed, else by a Python load generator; the figure that counts is the ratio of its
requests per second to the bare view's, measured just before it in the same run.
"""

import argparse
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_pages")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
# The prod settings need an https SITE_URL; links are not followed in a benchmark.
os.environ.setdefault("SITE_URL", "https://bench.invalid")

from bench.bench_registrations import ensure_database, start_redis, wait_for_port  # noqa: E402
from testing.servers import free_port  # noqa: E402

PAGES = [
    "/bare/",
    "/en/centers/",
    "/en/centers/?state=DE-BY",
    "/en/centers/?near=Munich",
    "/en/centers/?q=Beratung",
    "/en/partners/?country=MX",
    "/en/centers/welcome-center-bavaria/",
    "/en/events/",
]
QUICK_PAGES = PAGES[:3]


def wrk(port: int, path: str, seconds: float, connections: int) -> float:
    out = subprocess.run(
        [
            shutil.which("wrk"),
            f"-t{min(4, connections)}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{path}: {errors.group(1)} error responses")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def python_load(port: int, path: str, seconds: float, connections: int) -> float:
    """Keep-alive connections in threads, counting 200 answers for `seconds`."""
    done = [0] * connections
    deadline = time.monotonic() + seconds

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
            done[n] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / seconds


def measure(env: dict, pages: list[str], args) -> dict[str, float]:
    port = free_port()
    gunicorn = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "welcome_portal.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    load = wrk if shutil.which("wrk") else python_load
    try:
        wait_for_port(port, gunicorn, "gunicorn")
        for path in pages:  # warm: templates loaded, the page cache filled
            python_load(port, path, 0.5, 1)
        # Each page beside the bare view measured just before it, in several rounds, and the
        # median of the rounds: the shared machine's speed drifts within seconds, and a ratio to
        # one bare figure at the start drifted with it.
        rounds = {path: [] for path in pages[1:]}
        for _round in range(args.rounds):
            for path in pages[1:]:
                bare = load(port, pages[0], args.seconds / 2, args.connections)
                rounds[path].append((load(port, path, args.seconds, args.connections), bare))
        rates = {
            path: (median(r for r, _b in pairs), median(r / b for r, b in pairs))
            for path, pairs in rounds.items()
        }
        bares = [b for pairs in rounds.values() for _r, b in pairs]
        rates[pages[0]] = (median(bares), 1.0)
        return rates
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="of every page, the median counts")
    parser.add_argument("--quick", action="store_true", help="three pages only")
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.pages_settings",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "false",
        "REQUEST_LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, "manage.py"]
    with tempfile.TemporaryDirectory() as workdir:
        redis, redis_port = start_redis(workdir)
        env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        try:
            subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
            seed = [*manage, "seed_demo", "--scale", str(args.scale)]
            subprocess.run(seed, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
            pages = QUICK_PAGES if args.quick else PAGES
            cached = measure({**env, "PAGE_CACHE": "on"}, pages, args)
            uncached = measure({**env, "PAGE_CACHE": "off"}, pages, args)
        finally:
            redis.terminate()
            redis.wait(timeout=10)
    tool = "wrk" if shutil.which("wrk") else "python load generator"
    print(f"gunicorn {args.workers} workers, {tool}, {args.connections} connections, ", end="")
    print(f"{args.seconds:g} s per page, seed_demo --scale {args.scale}; {args.rounds} rounds,")
    print(f"each page's ratio to the bare view measured for {args.seconds / 2:g} s just before it;")
    print("the medians of the rounds (the bare view's req/s: the median of all its runs).\n")
    print("| page | cached req/s | ratio | uncached req/s | ratio |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for path in pages:
        (c, c_ratio), (u, u_ratio) = cached[path], uncached[path]
        print(f"| `{path}` | {c:,.0f} | {c_ratio:.3f} | {u:,.0f} | {u_ratio:.3f} |")


if __name__ == "__main__":
    main()
