import pytest

from centers.seed import seed_centers


@pytest.fixture
def demo_centers(db):
    """The demo centers of seed_demo: one per state, Welcome Center Thuringia in Erfurt."""
    return seed_centers(scale=1)
