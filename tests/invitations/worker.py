"""A real Celery worker in a subprocess, pointed at the test database, a Redis and an SMTP sink."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def test_database_url() -> str:
    """The URL of the database pytest-django created (`test_<name>`), for other processes."""
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class CeleryWorker:
    """`celery -A welcome_portal worker` (prefork, one child by default); stopped by its PID."""

    def __init__(
        self,
        *,
        redis_url: str,
        email_url: str,
        log_path: Path,
        env: dict | None = None,
        concurrency: int = 1,
    ):
        self.concurrency = concurrency
        self.log_path = log_path
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.invitations.worker_settings",
            "DEBUG": "false",
            "SECRET_KEY": "test-worker-secret",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": test_database_url(),
            "REDIS_URL": redis_url,
            "EMAIL_URL": email_url,
            "LOG_LEVEL": "WARNING",
            **(env or {}),
        }
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 30) -> "CeleryWorker":
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "welcome_portal",
                "worker",
                "--pool=prefork",
                f"--concurrency={self.concurrency}",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
                "--hostname",
                f"test-{os.getpid()}-{time.monotonic_ns()}@localhost",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"celery worker exited:\n{self.log()}")
            if b" ready." in self.log_path.read_bytes()[offset:]:
                return self
            time.sleep(0.1)
        raise RuntimeError(f"celery worker did not become ready:\n{self.log()}")

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def kill_child(self) -> int:
        """SIGKILL the pool process that runs the tasks, as the OOM killer would."""
        (child,) = self.children()
        os.kill(child, signal.SIGKILL)
        return child

    def kill(self):
        """SIGKILL the whole worker: nobody is left to acknowledge or reject its task."""
        children = self.children()
        self.process.kill()
        self.process.wait(timeout=10)
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def stop(self):
        if self.process and self.process.poll() is None:
            children = self.children()
            self.process.terminate()
            try:
                self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
            for pid in children:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:]
