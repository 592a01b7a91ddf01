"""Benchmark of the center directory on PostgreSQL with 10,000 centers (not a test).

    .venv/bin/python bench/bench_centers.py [--requests 200] [--scale 500]

Uses its own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_centers),
creates and migrates it if needed, seeds `20 x scale` centers (idempotent) and times the
directory page through Django's test client: a selective search term, a term found in every
center ("Beratung"), the finder by postal code and the unfiltered first page. Prints p50/p95.
"""

import argparse
import os
import re
import statistics
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_centers")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome_portal.settings.dev")
os.environ.setdefault("DEBUG", "0")  # no query log, as in production
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")

CASES = [
    ("selective term", "/en/centers/?q=Erfurt"),
    ("everywhere term", "/en/centers/?q=Beratung"),
    ("everywhere term, page 3", "/en/centers/?q=Beratung&page=3"),
    ("finder by postal code", "/en/centers/?near=99084"),
    ("no filter", "/en/centers/"),
]


def create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--scale", type=int, default=500)
    args = parser.parse_args()

    create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from centers.models import Center
    from centers.seed import seed_centers

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    seed_centers(scale=args.scale)
    call_command("compile_translations", verbosity=0)
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum would have them
        cursor.execute("VACUUM ANALYZE centers_center, centers_centersearch")
    print(f"{Center.objects.count()} centers (seeded in {time.perf_counter() - started:.1f} s)")
    print(f"load average before timing: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, no collectstatic
    client = Client()
    # Wall time is what a visitor waits for; the CPU time of this (web) process alone shows
    # how much of it is ours when other processes compete for the cores.
    print(f"{'case':28} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8}")
    for label, url in CASES:
        response = client.get(url)  # warm-up, and the result count
        assert response.status_code == 200, url
        count = re.search(r"(More than )?(\d+) Welcome Centers? found", response.content.decode())
        count = f">{count.group(2)}" if count.group(1) else count.group(2)
        samples, cpu = [], []
        for _ in range(args.requests):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        p50, p95 = statistics.median(samples), percentile(samples, 0.95)
        print(f"{label:28} {count:>8} {p50:>8.1f} {p95:>8.1f} {statistics.median(cpu):>8.1f}")


if __name__ == "__main__":
    main()
