"""Demo data: one center per state, Welcome Center Thuringia with its editor; idempotent."""

import pytest

from centers.models import Center, CenterSearch, State
from centers.seed import seed_centers
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_seed_creates_a_center_in_every_state_and_thuringia_with_its_editor():
    editor = UserFactory(email="editor@example.org")
    centers = seed_centers(scale=1, editor=editor)
    assert {c.state.code for c in centers} == set(State.objects.values_list("code", flat=True))
    thuringia = Center.objects.get(slug="welcome-center-thuringia")
    assert (thuringia.name, thuringia.name_en) == (
        "Welcome Center Thüringen",
        "Welcome Center Thuringia",
    )
    assert thuringia.postal_code == "99084"
    assert thuringia.city == "Erfurt"
    assert "ThAFF" in thuringia.host_organisation
    assert "LEG Thüringen" in thuringia.host_organisation
    assert list(thuringia.editors.all()) == [editor]
    assert thuringia.services.count() >= 5
    assert thuringia.languages.filter(code="en").exists()
    assert thuringia.opening_hours.exists()


def test_seed_twice_changes_nothing_and_scale_multiplies():
    seed_centers(scale=1)
    seed_centers(scale=1)
    assert Center.objects.count() == 20
    centers = seed_centers(scale=3)
    assert len(centers) == Center.objects.count() == 60
    copy = Center.objects.get(slug="welcome-center-thuringia-2")
    assert copy.state.code == "DE-TH"
    assert copy.city != "Erfurt"
    assert copy.has_coordinates
    assert CenterSearch.objects.get(center=copy).document
