"""Public writes counted per client address and scope on the shared cache.

A minimal stand-in with the shared API (`hit(request, scope) -> seconds to wait or None`):
the `partners` branch brings the full limiter with the same signature; keep that one.
`REGISTRATION_RATE_LIMIT` is "<count>/<s|m|h|d>" (default "20/h") or "off".
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _rate() -> tuple[int, int] | None:
    rate = getattr(settings, "REGISTRATION_RATE_LIMIT", "20/h").strip().lower()
    if rate == "off":
        return None
    count, unit = rate.split("/")
    return int(count), UNITS[unit]


def hit(request, scope: str) -> int | None:
    """Count one attempt; None while within the limit, else the seconds until the window ends."""
    rate = _rate()
    if rate is None:
        return None
    limit, period = rate
    now = int(time.time())
    window = now - now % period
    address = request.META.get("REMOTE_ADDR", "")
    client = hashlib.sha256(address.encode()).hexdigest()[:32]  # no address in the clear
    key = f"ratelimit:{scope}:{client}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period + 1)
        count = 1
    return None if count <= limit else max(1, window + period - now)
