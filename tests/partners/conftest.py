import pytest


@pytest.fixture
def center(db):
    from centers.models import Center, State

    return Center.objects.create(
        name="Welcome Center Thuringia",
        slug="welcome-center-thuringia",
        state=State.objects.get(code="DE-TH"),
        city="Erfurt",
    )
