"""Run the benchmarks and write their results into docs/benchmarks.md.

    .venv/bin/python -m bench                  # everything, full load; writes docs/benchmarks.md
    .venv/bin/python -m bench pages registrations  # some of them (also writes the docs)
    .venv/bin/python -m bench --quick          # each with a tiny load: a smoke run (CI)
    .venv/bin/python -m bench registrations --no-docs  # full load, docs left alone

Each benchmark is its own script under bench/ with its own database, run one after another in
a subprocess. A script prints its result on stdout (progress and warnings go to stderr); a
script marked `markdown` prints a markdown block (figures as ratios to a bare view measured in
the same run), the others' output is quoted as text. A full run prepends one dated section to
docs/benchmarks.md (newest first, the older sections stay below): the machine (CPU, cores, load
average at the start, PostgreSQL and Redis versions, git commit), then per benchmark its command
and its output. `--quick` never writes the docs unless `--write-docs` is given. A benchmark that
fails is recorded with its exit code; the run goes on and exits non-zero at the end.

A new benchmark is one entry in SCENARIOS.
"""

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOCS = ROOT / "docs" / "benchmarks.md"


@dataclass(frozen=True)
class Scenario:
    script: str  # under bench/
    quick: tuple[str, ...]  # the arguments of the smoke run
    full: tuple[str, ...] = ()  # the arguments of the full run (the script's defaults if empty)
    markdown: bool = False  # prints a markdown block; else its output is quoted as text


SCENARIOS = {
    "pages": Scenario(
        "bench_pages.py",
        quick=("--quick", "--seconds", "1", "--scale", "1", "--workers", "2", "--rounds", "1"),
        markdown=True,
    ),
    "centers": Scenario("bench_centers.py", quick=("--requests", "5", "--scale", "1")),
    "partners": Scenario("bench_partners.py", quick=("--requests", "5", "--scale", "1")),
    "registrations": Scenario(
        "bench_registrations.py",
        quick=("--clients", "20", "--seats", "5", "--workers", "2", "--bare-seconds", "1"),
        markdown=True,
    ),
    "invitations": Scenario("bench_invitations.py", quick=("--count", "50")),
    "hostile": Scenario(
        "bench_hostile.py", quick=("--requests", "1", "--scale", "1", "--budget-ms", "0")
    ),
    "faults": Scenario("bench_faults.py", quick=("--quick",)),
}


def _run(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip()


def machine() -> str:
    """One paragraph: CPU, cores, load average now, PostgreSQL and Redis versions, commit."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    postgres = "unknown"
    try:
        import psycopg  # only the machine line needs it

        url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        url = urlsplit(url)._replace(path="/postgres").geturl()
        with psycopg.connect(url, connect_timeout=3) as conn:
            postgres = conn.execute("SHOW server_version").fetchone()[0]
    except Exception as exc:  # the machine line must not stop the run
        postgres = f"unknown ({type(exc).__name__})"
    redis = _run([shutil.which("redis-server") or "redis-server", "--version"])
    redis = next((w[2:] for w in redis.split() if w.startswith("v=")), "unknown")
    commit = _run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]) or "unknown"
    if _run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"]):
        commit += " with uncommitted changes"
    return (
        f"Machine: {cpu}, {os.cpu_count()} cores, load average {load} (1/5/15 min) at the "
        f"start; PostgreSQL {postgres}, Redis {redis}; git commit {commit}."
    )


def run(name: str, scenario: Scenario, quick: bool) -> tuple[list[str], str, int]:
    """Run one benchmark, echoing its output; returns its command, output and exit code."""
    arguments = list(scenario.quick if quick else scenario.full)
    command = [sys.executable, str(HERE / scenario.script), *arguments]
    shown = " ".join([".venv/bin/python", f"bench/{scenario.script}", *arguments])
    print(f"== bench {name}: {shown}", flush=True)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    lines = []
    for line in process.stdout:
        print(line, end="", flush=True)
        lines.append(line)
    process.wait()
    print(f"== bench {name}: exit {process.returncode} in {time.monotonic() - started:.0f} s")
    return shown, "".join(lines).strip(), process.returncode


def section(heading: str, header: str, results: list[tuple[str, Scenario, str, str, int]]) -> str:
    parts = [f"## {heading}", "", header, ""]
    for name, scenario, shown, output, code in results:
        parts += [f"### {name}", "", "```sh", shown, "```", ""]
        if code:
            parts += [f"**Failed with exit code {code}.**", ""]
        if output:
            parts += [output, ""] if scenario.markdown else ["```text", output, "```", ""]
    return "\n".join(parts)


def prepend(text: str) -> None:
    """Put `text` above the newest section (the first `## `), below the page's introduction."""
    docs = DOCS
    old = docs.read_text() if docs.exists() else "# Benchmarks\n\n"
    at = old.find("\n## ")
    head, rest = (old, "") if at < 0 else (old[: at + 1], old[at + 1 :])
    docs.write_text(f"{head.rstrip()}\n\n{text.rstrip()}\n\n{rest}".rstrip() + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", choices=[[], *SCENARIOS], default=[], metavar="NAME")
    parser.add_argument("--quick", action="store_true", help="a tiny load: a smoke run")
    docs = parser.add_mutually_exclusive_group()
    docs.add_argument("--write-docs", action="store_true", help="write the docs after --quick")
    docs.add_argument("--no-docs", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()
    # Machine facts and the date are those of the start (the load changes during the run).
    heading = datetime.datetime.now(datetime.UTC).strftime("Run of %Y-%m-%d %H:%M UTC")
    heading += " (`python -m bench" + "".join(f" {n}" for n in args.names)
    heading += " --quick`)" if args.quick else "`)"
    header = machine()
    results = []
    for name in args.names or list(SCENARIOS):
        scenario = SCENARIOS[name]
        results.append((name, scenario, *run(name, scenario, args.quick)))
    if args.write_docs or not (args.quick or args.no_docs):
        prepend(section(heading, header, results))
        print(f"== wrote {DOCS}")
    failed = [name for name, *_rest, code in results if code]
    if failed:
        print(f"== failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
