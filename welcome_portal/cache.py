"""Django's Redis cache, failing soft: with Redis unreachable it answers like an empty cache.

Everything on the shared cache can do without it for a while: the page cache renders the
page, the rate limiters count nothing (and so refuse nobody), allauth's and the API's throttles
let the request through. So a refused or timed-out connection makes a read return its default
and a write do nothing (an `add` succeeds), instead of a 500; `incr` raises ValueError as for
a missing key, which its callers handle already. After a failure the cache is not asked for
`PAUSE` seconds, so that a Redis that hangs (rather than refuses) costs one socket timeout
per pause, not one per call. Sessions are in PostgreSQL, not here.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
PAUSE = 1.0


def _missing_key(key, *args):
    raise ValueError(f"Key '{key}' not found (the cache is unreachable).")


def _soft(fallback):
    """Call the method; while Redis is unreachable, answer `fallback(*args)` instead."""

    def decorate(method):
        @functools.wraps(method)
        def soft(self, *args):
            if time.monotonic() < self.down_until:
                return fallback(*args)
            try:
                result = method(self, *args)
            except UNREACHABLE as exc:
                if not self.down_until:
                    logger.warning("cache unreachable, answering without it: %s", exc)
                self.down_until = time.monotonic() + PAUSE
                return fallback(*args)
            if self.down_until:
                logger.warning("cache reachable again")
                self.down_until = 0.0
            return result

        return soft

    return decorate


def _nothing(*args):
    return None


def _false(*args):
    return False


def _true(*args):
    return True


# Django's incr asks whether the key exists, then increments it: two round trips. This script
# does both in one, and answers nil for a missing key (which stays missing).
INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
return false
"""


class FailSoftRedisCacheClient(RedisCacheClient):
    down_until = 0.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._scripts = {}

    def get_client(self, key=None, *, write=False):
        """One redis-py client per connection pool, made once: Django makes a new one for
        every call, and each builds its table of reply parsers (about a third of a
        millisecond, several times per request). A client is safe to share between threads:
        each command takes its own connection from the pool."""
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def _incr(self, key, delta):
        """Django's incr (ValueError for a missing key) in one round trip."""
        client = self.get_client(key, write=True)
        script = self._scripts.get(client)
        if script is None:
            script = self._scripts[client] = client.register_script(INCR_EXISTING)
        value = script(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    # Added to an empty cache that forgets at once: so a lock on the cache (allauth's limiter)
    # is taken, and nobody waits for it or is refused.
    add = _soft(_true)(RedisCacheClient.add)
    get = _soft(lambda key, default: default)(RedisCacheClient.get)
    set = _soft(_nothing)(RedisCacheClient.set)
    touch = _soft(_false)(RedisCacheClient.touch)
    delete = _soft(_false)(RedisCacheClient.delete)
    get_many = _soft(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _soft(_false)(RedisCacheClient.has_key)
    incr = _soft(_missing_key)(_incr)
    set_many = _soft(_nothing)(RedisCacheClient.set_many)
    delete_many = _soft(_nothing)(RedisCacheClient.delete_many)
    clear = _soft(_false)(RedisCacheClient.clear)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailSoftRedisCacheClient
