"""Run the benchmarks: `python -m bench` runs every one with its full load, `--quick` a smoke
run with a tiny load (CI runs that, so that no benchmark rots), and names pick some:

    .venv/bin/python -m bench                  # everything, as in docs/benchmarks.md
    .venv/bin/python -m bench --quick          # each with a tiny load, a minute or two
    .venv/bin/python -m bench centers --quick

Each benchmark is its own script under bench/ with its own database; this runs them one after
another in subprocesses and stops at the first that fails.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = {
    "pages": ["--quick", "--seconds", "1", "--scale", "1", "--workers", "2"],
    "centers": ["--requests", "5", "--scale", "1"],
    "partners": ["--requests", "5", "--scale", "1"],
    "registrations": ["--clients", "20", "--seats", "5", "--workers", "2"],
    "invitations": ["--count", "50"],
    "hostile": ["--requests", "1", "--scale", "1", "--budget-ms", "0"],
    "faults": ["--quick"],
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", choices=[[], *QUICK], default=[], metavar="NAME")
    parser.add_argument("--quick", action="store_true", help="a tiny load: a smoke run")
    args = parser.parse_args()
    for name in args.names or list(QUICK):
        command = [sys.executable, str(HERE / f"bench_{name}.py")]
        command += QUICK[name] if args.quick else []
        print(f"== bench {name}: {' '.join(command[1:])}", flush=True)
        started = time.monotonic()
        result = subprocess.run(command, cwd=HERE.parent, check=False)
        print(f"== bench {name}: exit {result.returncode} in {time.monotonic() - started:.0f} s")
        if result.returncode:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
