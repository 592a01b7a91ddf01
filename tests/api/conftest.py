import pytest
from django.core.cache import cache

from centers.seed import seed_centers
from events.seed import seed_events
from partners.seed import seed_partners

THROTTLE_KEY = "throttle_open-data_127.0.0.1"


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Each test starts with no requests counted against the test client's address."""
    cache.delete(THROTTLE_KEY)
    yield
    cache.delete(THROTTLE_KEY)


@pytest.fixture
def demo(db):
    """The demo directory and meetings of seed_demo (participants included)."""
    centers = seed_centers(scale=1)
    partners = seed_partners(scale=1, centers=centers)
    seed_events(scale=1, centers=centers, partners=partners)
    return centers, partners


def api_ids(client, url: str) -> list[str]:
    """Every id the API lists for `url`, following the `next` links."""
    ids = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        ids += [item["id"] for item in body["results"]]
        url = body["next"]
    return ids
