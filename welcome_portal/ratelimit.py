"""A small limiter for the public forms, counted per client address on the shared cache.

The setting `REGISTRATION_RATE_LIMIT` is "<count>/<period>" with the period in s, m, h or d,
optionally with a number ("20/h", "5/10m"); "off" disables it. The counter lives in Django's
default cache (Redis when REDIS_URL is set), so every web process counts together.

Use, in a view that takes a public write:

    from welcome_portal import ratelimit

    def post(self, request, *args, **kwargs):
        wait = ratelimit.hit(request, f"registration:{meeting.pk}")
        if wait is not None:
            return ratelimit.refused(request, wait)
        ...

Each call counts one attempt (valid or not). Windows are fixed: after `count` attempts in one
period, the next ones are refused until the period ends.
"""

import hashlib
import time
from datetime import timedelta

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import timezone

from welcome_portal.rates import parse_rate


def client_address(request) -> str:
    """The client's address as allauth sees it (ALLAUTH_TRUSTED_PROXY_COUNT behind proxies)."""
    return get_adapter(request).get_client_ip(request) or "unknown"


def hit(request, scope: str) -> int | None:
    """Count one attempt of this client in `scope`; None if allowed, else the seconds to wait."""
    rate = parse_rate(settings.REGISTRATION_RATE_LIMIT)
    if rate is None:
        return None
    limit, period = rate
    now = int(time.time())
    window = now - now % period
    # The address is hashed: the cache holds no personal data in the clear.
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{client}:{period}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period + 1)
        count = 1
    if count <= limit:
        return None
    return max(1, window + period - now)


def refused(request, wait: int):
    """The 429 page in the visitor's language, saying when to try again."""
    minutes = max(1, -(-wait // 60))  # rounded up
    retry_at = timezone.localtime() + timedelta(seconds=wait)
    response = render(
        request,
        "429.html",
        {"wait_minutes": minutes, "retry_at": retry_at},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
