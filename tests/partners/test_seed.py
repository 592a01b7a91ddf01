"""The demo partners of seed_demo."""

import pytest

from partners.models import Cooperation, Partner
from partners.seed import seed_partners

pytestmark = pytest.mark.django_db


def test_seed_has_goethe_branches_in_30_countries_and_the_federal_partners(center):
    seed_partners(scale=1, centers=[center])
    goethe = Partner.objects.get(slug="goethe-institut")
    branches = goethe.branches.all()
    assert branches.values("country").distinct().count() >= 30
    assert {b.location_type for b in branches} >= {"institute", "liaison_office"}
    mexico = branches.get(country="MX")
    assert (mexico.city, mexico.city_en) == ("Mexiko-Stadt", "Mexico City")
    assert mexico.slug == "goethe-institut-mexico-city"  # slugs are part of the contract
    assert "Tonalá 43" in mexico.address
    assert mexico.phone.startswith("+52 ")
    assert mexico.email.endswith(".example")
    assert mexico.website != "https://www.goethe.de"  # its own page, not the generic one
    assert mexico.has_coordinates
    assert mexico.topics.filter(slug="language-learning").exists()
    kinds = set(Partner.objects.values_list("kind__slug", flat=True))
    assert {"federal-ministry", "federal-agency", "portal", "project"} <= kinds
    assert Partner.objects.filter(kind__slug="federal-ministry").count() == 2
    assert Cooperation.objects.filter(center=center, partner__slug="zsba").exists()


def test_seed_twice_changes_nothing_and_scale_multiplies_the_branches(center):
    seed_partners(scale=1, centers=[center])
    first = (Partner.objects.count(), Cooperation.objects.count())
    seed_partners(scale=1, centers=[center])
    assert (Partner.objects.count(), Cooperation.objects.count()) == first
    branches = Partner.objects.filter(parent__slug="goethe-institut").count()

    seed_partners(scale=3, centers=[center])
    seed_partners(scale=3, centers=[center])
    assert Partner.objects.filter(parent__slug="goethe-institut").count() == 3 * branches
    assert not Partner.history.exists()
