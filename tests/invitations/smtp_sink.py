"""A real SMTP server on loopback (aiosmtpd) that counts what it accepts, for tests and bench/.

It can be told to misbehave: answer 451 (try again later) to some recipients a number of times,
550 (no such user) to given addresses, or hold one message unanswered after its data arrived,
which leaves the sender blocked in the middle of an SMTP transaction.
"""

import asyncio
import collections
import threading
import time
from email import message_from_bytes

from aiosmtpd.controller import Controller

from tests.conftest import free_port


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
