"""Limits on public writes, per client address and scope, on the shared cache.

`REGISTRATION_RATE_LIMIT` ("20/h", "5/10m", or "off") is the budget of each address within one
window for each scope; a scope names the write and its meeting (`register:12`). The counters
live in the default cache, Redis when `REDIS_URL` is set, so every web process shares them.
"""

import hashlib
import re
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.shortcuts import render

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")


def parse_rate(text: str) -> tuple[int, int] | None:
    """(requests, window in seconds) of "20/h" or "5/10m"; None for "off"."""
    text = text.strip().lower()
    if text == "off":
        return None
    match = RATE.match(text)
    if not match:
        raise ValueError(f"not a rate such as 20/h or off: {text!r}")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * UNITS[unit]


def client_address(request) -> str:
    """The client's address as allauth sees it (ALLAUTH_TRUSTED_PROXY_COUNT behind proxies)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return request.META.get("REMOTE_ADDR", "unknown")


def hit(request, scope: str) -> int | None:
    """Count one write of this client in `scope`: None while within the limit, else the
    seconds until the window ends (the answer's Retry-After)."""
    rate = parse_rate(settings.REGISTRATION_RATE_LIMIT)
    if rate is None:
        return None
    limit, window = rate
    now = int(time.time())
    start = now - now % window
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{address}:{start}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    return None if count <= limit else max(1, start + window - now)


def too_many_requests(request, wait: int):
    """The 429 page in the user's language, saying when to try again."""
    response = render(request, "429.html", {"wait_minutes": max(1, -(-wait // 60))}, status=429)
    response["Retry-After"] = str(wait)
    return response
