"""Benchmark of the partner directory and partner page on PostgreSQL (not a test).

    .venv/bin/python bench/bench_partners.py [--requests 100] [--scale 100]

Uses its own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_partners),
creates and migrates it if needed, seeds the demo partners with `--scale` copies of every
Goethe-Institut branch (idempotent) and times pages through Django's test client. Prints
p50/p95 and the number of queries of each page.
"""

import argparse
import os
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_partners")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome_portal.settings.dev")
os.environ.setdefault("DEBUG", "0")  # no query log, as in production
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")

from bench_centers import create_database, percentile

CASES = [
    ("no filter", "/en/partners/"),
    ("kind + country", "/en/partners/?kind=goethe-institut&country=MX"),
    ("topic, page 5", "/en/partners/?topic=feg&page=5"),
    ("search, country name", "/de/partners/?q=mexiko"),
    ("search, every row", "/en/partners/?q=goethe"),
    ("partner page", "/en/partners/goethe-institut-mexico-city/"),
    ("parent with all branches", "/en/partners/goethe-institut/"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args()

    create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from partners.models import Partner
    from partners.seed import seed_partners

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    seed_partners(scale=args.scale, centers=[])
    call_command("compile_translations", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE partners_partner")
    print(f"{Partner.objects.count()} partners (seeded in {time.perf_counter() - started:.1f} s)")

    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, no collectstatic
    client = Client()
    print(f"{'case':28} {'results':>8} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, url in CASES:
        queries = []

        def count(execute, sql, *args, log=queries):
            log.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        found = re.search(r"(\d+) (?:partners? found|Partner gefunden)", html)
        rows = html.count('<tr class="kern-table__row">') - 1
        results = found.group(1) if found else str(rows) if rows > 0 else "-"
        samples = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        p50, p95 = statistics.median(samples), percentile(samples, 0.95)
        print(f"{label:28} {results:>8} {len(queries):>8} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
