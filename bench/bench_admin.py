"""Benchmark of the back office on PostgreSQL at `seed_demo --scale 20` (not a test).

    .venv/bin/python bench/bench_admin.py [--requests 30] [--scale 20] [--rows 10000]

Uses its own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_admin),
creates and migrates it if needed, loads the demo data (idempotent) and times, through Django's
test client as the demo agency staff: the admin lists and change pages of centers and partners,
the "check these first" dashboard, a history page, and the import preview of a partner file of
`--rows` rows (the export plus new branches). Prints p50/p95 wall time, the CPU time of this
process, the queries per page and the ratio to a bare view (/healthz, one query) timed in the
same run, so that the figures compare across loaded and idle machines. Goal of the issue:
300 ms of server time per admin page, 10 s for the preview of 10,000 rows.
"""

import argparse
import csv
import io
import os
import statistics
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_admin")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome_portal.settings.dev")
os.environ.setdefault("DEBUG", "0")  # no query log, as in production
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.pop("REDIS_URL", None)  # the admin needs no broker; the cache is local


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


def timed(client, method: str, url: str, data=None) -> tuple[float, float, int]:
    """Wall ms, CPU ms of this process, queries."""
    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        wall = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - start_cpu) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return wall, cpu, queries


def partner_file(rows: int) -> bytes:
    """The partners' export, plus new Goethe-Institut branches up to `rows` rows."""
    from partners.models import Partner
    from partners.resources import PartnerResource

    exported = list(
        csv.DictReader(io.StringIO(PartnerResource().export(Partner.objects.all()).csv))
    )
    template = next(r for r in exported if r["parent"] == "goethe-institut")
    exported[0]["city"] += " (changed)"
    extra = [
        {**template, "slug": f"bench-branch-{n}", "name": f"Bench branch {n}"}
        for n in range(max(0, rows - len(exported)))
    ]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(exported[0]))
    writer.writeheader()
    writer.writerows((exported + extra)[:rows])
    return out.getvalue().encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--previews", type=int, default=3)
    args = parser.parse_args()

    create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from centers.models import Center
    from partners.models import Partner

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", scale=args.scale, with_accounts=True, stdout=io.StringIO())
    call_command("compile_translations", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(
        f"{Center.objects.count()} centers, {Partner.objects.count()} partners "
        f"(seed_demo --scale {args.scale} in {time.perf_counter() - started:.1f} s)"
    )
    print(f"load average before timing: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, no collectstatic
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    client.force_login(User.objects.get(email="staff@example.org"))
    center = Center.objects.get(slug="welcome-center-thuringia")
    partner = Partner.objects.get(slug="goethe-institut")
    cases = [
        ("bare view (/healthz)", "/healthz"),
        ("centers list", "/admin/centers/center/"),
        ("centers list, stale", "/admin/centers/center/?verification=stale"),
        ("center change form", f"/admin/centers/center/{center.pk}/change/"),
        ("center history", f"/admin/centers/center/{center.pk}/history/"),
        ("partners list", "/admin/partners/partner/"),
        ("partners list, stale", "/admin/partners/partner/?verification=stale"),
        ("partner change form", f"/admin/partners/partner/{partner.pk}/change/"),
        ("check-these-first dashboard", "/admin/partners/partner/dashboard/"),
    ]
    print(f"{'page':30} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'queries':>8} {'ratio':>7}")
    bare = None
    for label, url in cases:
        timed(client, "get", url)  # warm-up
        runs = [timed(client, "get", url) for _ in range(args.requests)]
        walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
        p50 = statistics.median(walls)
        bare = bare or p50
        print(
            f"{label:30} {p50:>8.1f} {percentile(walls, 0.95):>8.1f} "
            f"{statistics.median(cpus):>8.1f} {runs[-1][2]:>8} {p50 / bare:>7.1f}"
        )

    content = partner_file(args.rows)
    print(
        f"\nimport preview of {args.rows:,} partner rows ({len(content) / 1024 / 1024:.1f} MB CSV)"
    )
    for run in range(args.previews):
        upload = SimpleUploadedFile("partners.csv", content)
        wall, cpu, queries = timed(
            client, "post", "/admin/partners/partner/import/", {"import_file": upload, "format": 0}
        )
        print(
            f"  run {run + 1}: {wall / 1000:.1f} s wall, {cpu / 1000:.1f} s CPU, {queries} queries"
        )


if __name__ == "__main__":
    main()
