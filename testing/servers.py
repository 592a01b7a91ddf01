"""Real services on loopback for the tests and the benchmarks: a private redis-server, a Celery
worker subprocess and an SMTP sink (aiosmtpd). Each starts on a free port and is stopped by its
PID; none touches the machine's shared PostgreSQL or Redis.

The sink can be told to misbehave: answer 451 (try again later) to some recipients a number of
times, 550 (no such user) to given addresses, or hold one message unanswered after its data
arrived, which leaves the sender blocked in the middle of an SMTP transaction.
"""

import asyncio
import collections
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from pathlib import Path

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server on a free loopback port, stopped by its PID."""

    def __init__(self, tmp_path: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._dir = tmp_path
        self.process: subprocess.Popen | None = None

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self._dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


ROOT = Path(__file__).resolve().parents[1]


def database_url() -> str:
    """The URL of this process's database (in tests the one pytest-django created), for other
    processes."""
    from django.db import connection  # noqa: PLC0415  (Django is set up by the caller)

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
        name: str | None = None,
    ):
        self.concurrency = concurrency
        # The node name; give the same one to a worker that replaces a dead one, as a
        # supervisor restarting `celery worker -n worker1@%h` does.
        self.name = name or f"test-{os.getpid()}-{time.monotonic_ns()}@localhost"
        self.log_path = log_path
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "testing.worker_settings",
            "DEBUG": "false",
            "SECRET_KEY": "test-worker-secret",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": database_url(),
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
                self.name,
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


class _Handler:
    def __init__(self, sink: "SmtpSink"):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        address = address.lower()
        if address in self.sink.reject:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        sink = self.sink
        rcpt = envelope.rcpt_tos[0]
        with sink.lock:
            if sink.defer.get(rcpt, 0) > 0:
                sink.defer[rcpt] -= 1
                sink.deferred[rcpt] += 1
                return "451 4.3.0 Temporary local problem, try again later"
            hold = rcpt in sink.hold
        if hold:
            sink.held_messages.append(rcpt)
            sink.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, sink.release.wait)
            return "421 4.3.0 Held message dropped"
        message = message_from_bytes(envelope.content)
        with sink.lock:
            for address in envelope.rcpt_tos:
                sink.received[address] += 1
            sink.messages.append((rcpt, message))
        return "250 Message accepted for delivery"


class SmtpSink:
    """Start with `SmtpSink().start()`; `url` is what EMAIL_URL takes; stop with `stop()`."""

    def __init__(self):
        self.port = free_port()
        self.url = f"smtp://127.0.0.1:{self.port}"
        self.lock = threading.Lock()
        self.received: collections.Counter[str] = collections.Counter()
        self.deferred: collections.Counter[str] = collections.Counter()
        self.messages: list = []
        self.defer: dict[str, int] = {}
        self.reject: set[str] = set()
        self.hold: set[str] = set()
        self.held_messages: list[str] = []
        self.holding = threading.Event()
        self.release = threading.Event()
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def start(self) -> "SmtpSink":
        self._controller.start()
        return self

    def stop(self):
        self.release.set()
        self._controller.stop()

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.received.values())

    def wait_for(self, total: int, timeout: float = 30) -> int:
        """Wait until `total` messages were accepted (or the timeout); return the count."""
        deadline = time.monotonic() + timeout
        while self.total < total and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.total


if __name__ == "__main__":  # a sink in its own process, for bench/: prints its port, then counts
    import sys

    sink = SmtpSink().start()
    print(sink.port, flush=True)
    sys.stdin.read()
    print(sink.total, flush=True)
    sink.stop()
