"""The shared cache on a real Redis: counters as Django's cache API promises them."""

import pytest
import redis
from django.core.cache import cache

from tests.conftest import fail_soft_cache

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache(settings, private_redis):
    settings.CACHES = fail_soft_cache(private_redis.url)
    return redis.Redis.from_url(private_redis.url)


def commands(server: redis.Redis) -> dict[str, int]:
    stats = server.info("commandstats")
    return {name.removeprefix("cmdstat_"): row["calls"] for name, row in stats.items()}


def test_incr_counts_up_an_existing_counter_in_one_round_trip(redis_cache):
    cache.set("visits", 41, timeout=None)
    cache.add("warm", 0)
    cache.incr("warm")  # Redis learns the script
    before = commands(redis_cache)

    assert cache.incr("visits") == 42
    assert cache.incr("visits", 8) == 50
    assert cache.get("visits") == 50
    after = commands(redis_cache)
    assert after["evalsha"] - before["evalsha"] == 2  # one call each (Django's asks twice)


def test_incr_of_a_missing_key_raises_and_leaves_it_missing(redis_cache):
    with pytest.raises(ValueError, match="not found"):
        cache.incr("never-set")
    assert cache.get("never-set") is None


def test_incr_still_works_after_redis_forgot_its_scripts(redis_cache):
    cache.set("counter", 1, timeout=None)
    assert cache.incr("counter") == 2
    redis_cache.script_flush()  # as after a restart of Redis

    assert cache.incr("counter") == 3
