"""What hostile anonymous requests cost, in CPU of the web process and of its database backend.

    .venv/bin/python bench/bench_hostile.py [--requests 5] [--scale 20]

Uses its own database (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/wp_bench_hostile),
creates and migrates it if needed, runs `seed_demo --scale N` (idempotent) and sends each
request through Django's test client. For each it prints the median CPU time of the Django
process (`time.process_time`) and of the PostgreSQL backend serving the connection (read from
/proc in clock ticks of 10 ms, so the database's share counts too), their sum, the largest sum
seen and the status code. The budget is
100 ms for any anonymous request, whatever it carries (docs/security.md).
"""

import argparse
import logging
import os
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wp_bench_hostile")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome_portal.settings.dev")
os.environ.setdefault("DEBUG", "0")  # no query log, as in production
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("REGISTRATION_RATE_LIMIT", "off")

from bench_centers import create_database

BUDGET_MS = 100.0
WORDS_1000 = " ".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(1000))
WORDS_LONG = " ".join(f"wort{i}" for i in range(400))
OPERATORS = " ".join(['"a b" OR -c', "x:*", "(", ")", "&", "|", "!", "<->"] * 60)
TWO_KB = "x" * 2048


def cases() -> list[tuple[str, str, str, dict | None]]:
    """(label, method, path, POST data) of each hostile request."""

    def q(text: str) -> str:
        return quote(text, safe="")

    return [
        ("partners q=1000 one-letter words", "GET", f"/en/partners/?q={q(WORDS_1000)}", None),
        (
            "partners q=400 words + facets",
            "GET",
            f"/en/partners/?q={q(WORDS_LONG)}&kind=goethe-institut&country=MX&topic=feg",
            None,
        ),
        ("partners q=2 KB, one word", "GET", f"/en/partners/?q={TWO_KB}", None),
        ("partners q with NUL", "GET", "/en/partners/?q=a%00b", None),
        ("centers q=1000 one-letter words", "GET", f"/en/centers/?q={q(WORDS_1000)}", None),
        ("centers q=tsquery operators", "GET", f"/en/centers/?q={q(OPERATORS)}", None),
        ("centers near=1000 words", "GET", f"/en/centers/?near={q(WORDS_1000)}", None),
        ("centers near=2 KB, one word", "GET", f"/en/centers/?near={TWO_KB}", None),
        (
            "centers q+near+state+page",
            "GET",
            f"/en/centers/?q={q(WORDS_LONG)}&near={q(WORDS_LONG)}&state=DE-TH&page=99999999999999999999",
            None,
        ),
        ("regions NUL", "GET", "/en/regions/%00/", None),
        ("token NUL", "GET", "/en/events/invitation/%00/", None),
        ("token 2 KB", "GET", f"/en/events/invitation/{TWO_KB}/", None),
        ("meeting list", "GET", "/en/events/", None),
        (
            "register, 2 MB of fields",
            "POST",
            "/en/events/{meeting}/register/",
            {
                "name": "n" * 1_000_000,
                "email": "a@" + "b" * 300 + ".de",
                "organisation": WORDS_1000,
                "accessibility_needs": "x" * 1_000_000,
                "attendance_mode": "on_site",
                "privacy_consent": "on",
            },
        ),
        (
            "home, 1000 query parameters",
            "GET",
            "/en/?" + "&".join(f"p{i}=x" for i in range(1000)),
            None,
        ),
    ]


def backend_cpu_s(pid: int) -> float:
    """utime + stime of a process (the database backend runs on this machine)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5, help="repetitions of each request")
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument(
        "--budget-ms", type=float, default=BUDGET_MS, help="0: report only server errors"
    )
    args = parser.parse_args()

    create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from events.models import Meeting

    call_command("migrate", verbosity=0)
    call_command("seed_demo", scale=args.scale, verbosity=0)
    call_command("compile_translations", verbosity=0)
    meeting = Meeting.objects.public().upcoming().first()
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, no collectstatic
    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the 404s are expected
    client = Client(raise_request_exception=False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    heads = ("status", "web ms", "db ms", "total", "max")
    print(f"{'request (median of N)':36} " + " ".join(f"{h:>8}" for h in heads))
    over = []
    for label, method, path, data in cases():
        path = path.format(meeting=meeting.slug)
        samples = []
        for attempt in range(args.requests + 1):
            cpu, db = time.process_time(), backend_cpu_s(backend)
            response = client.get(path) if method == "GET" else client.post(path, data)
            sample = (time.process_time() - cpu, backend_cpu_s(backend) - db)
            if attempt:  # the first warms up templates, catalogues and the places index
                samples.append(sample)
        samples.sort(key=sum)
        web_ms, db_ms = (t * 1000 for t in samples[len(samples) // 2])
        total, worst = web_ms + db_ms, sum(samples[-1]) * 1000
        status = response.status_code
        print(f"{label:36} {status:>8} {web_ms:8.1f} {db_ms:8.1f} {total:8.1f} {worst:8.1f}")
        if status >= 500 or (args.budget_ms and total > args.budget_ms):
            over.append(label)
    if over:
        print(f"over {args.budget_ms:.0f} ms or a server error: {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
