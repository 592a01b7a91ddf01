"""The back office for centers: filters, search, autocomplete, inlines; saving reindexes."""

from types import SimpleNamespace

import pytest
from allauth.mfa.models import Authenticator
from django.contrib import admin

from centers.models import Center, CenterSearch
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(user)
    return client


def test_changelist_filters_and_search(staff_client, demo_centers):
    response = staff_client.get("/admin/centers/center/", {"kind": "state_wide", "q": "Erfurt"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Welcome Center Thüringen" in html
    assert "Welcome Center Bavaria" not in html
    for facet in ("Nach Bundesland", "Nach Art", "Nach Status", "Nach Leistungen"):
        assert facet in html


def test_change_form_has_hours_and_contacts_inlines(staff_client, demo_centers):
    center = Center.objects.get(slug="welcome-center-thuringia")
    html = staff_client.get(f"/admin/centers/center/{center.pk}/change/").content.decode()
    assert 'id="opening_hours-group"' in html
    assert 'id="contacts-group"' in html
    assert "admin-autocomplete" in html


def test_services_autocomplete_answers(staff_client, demo_centers):
    response = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "centers", "model_name": "center", "field_name": "services", "term": "Vis"},
    )
    assert response.status_code == 200
    assert "Visa and residence" in response.content.decode() or "Visum" in response.content.decode()


def test_saving_in_the_admin_updates_the_search_text(rf, demo_centers):
    center = Center.objects.get(slug="welcome-center-saarland")
    center.city = "Völklingen"
    center.save()
    form = SimpleNamespace(instance=center, save_m2m=lambda: None)
    admin.site._registry[Center].save_related(rf.post("/"), form, formsets=[], change=True)
    assert "voelklingen" in CenterSearch.objects.get(center=center).document


@pytest.mark.parametrize("model", ["center", "service", "language", "state"])
def test_agency_staff_may_keep_the_directory(client, db, model):
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Agency staff"))
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(user)
    assert client.get(f"/admin/centers/{model}/").status_code == 200
