"""With the cache's Redis stopped, the portal answers as if the cache were empty: no 500."""

import pytest
from django.core.cache import cache

from events.models import Registration
from tests.conftest import fail_soft_cache
from tests.factories import CenterFactory, MeetingFactory, UserFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def cache_down(settings, private_redis):
    """The default cache on a private redis-server that is then stopped."""
    settings.CACHES = fail_soft_cache(
        private_redis.url, socket_connect_timeout=0.5, socket_timeout=0.5
    )
    cache.set("warm", 1)
    assert cache.get("warm") == 1  # the cache works while Redis is up
    private_redis.stop()
    return private_redis


def test_reads_give_their_default_and_writes_do_nothing(cache_down):
    assert cache.get("warm", "default") == "default"
    assert cache.add("key", 1) is True  # stored, and forgotten at once
    cache.set("key", 1)
    assert cache.get_many(["key", "warm"]) == {}
    with pytest.raises(ValueError, match="not found"):
        cache.incr("key")


def test_cache_answers_again_once_redis_is_back(cache_down, monkeypatch):
    monkeypatch.setattr("welcome_portal.cache.PAUSE", 0)  # ask Redis again at the next call
    assert cache.get("warm") is None
    cache_down.start()
    cache.get("again")  # meets the connection Redis closed when it stopped

    cache.set("again", 2)
    assert cache.get("again") == 2


def test_public_pages_render_without_the_page_cache(client, cache_down):
    center = CenterFactory(name="Welcome Center Downtown")

    for path in ("/en/", "/en/centers/", f"/de/centers/{center.slug}/"):
        assert client.get(path).status_code == 200, path
    assert b"Welcome Center Downtown" in client.get(f"/en/centers/{center.slug}/").content


def test_registration_goes_through_with_the_limiter_unable_to_count(client, cache_down, settings):
    settings.REGISTRATION_RATE_LIMIT = "1/h"
    meeting = MeetingFactory(registration_mode="open", onsite_seats=10)
    form = {"name": "Ada", "attendance_mode": "on_site", "privacy_consent": "on"}

    for n in range(2):
        response = client.post(
            f"/en/events/{meeting.slug}/register/", {**form, "email": f"ada{n}@example.org"}
        )
        assert response.status_code == 200

    assert Registration.objects.filter(meeting=meeting).count() == 2


def test_login_and_the_api_throttle_work_without_the_cache(client, cache_down, settings):
    settings.API_RATE_LIMIT = "1/m"
    user = UserFactory(email="organizer@example.org")
    user.set_password("a long password for the test")
    user.save()

    login = client.post(
        "/accounts/login/",
        {"login": "organizer@example.org", "password": "a long password for the test"},
    )
    assert login.status_code == 302
    assert [client.get("/api/v1/centers/").status_code for _ in range(2)] == [200, 200]
