"""The back office for centers: filters, search, autocomplete, inlines; saving reindexes."""

import pytest

from centers.models import Center, CenterSearch
from tests.admin_forms import change_form_data
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = StaffFactory(is_superuser=True)
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


def test_saving_in_the_admin_updates_the_search_text(staff_client, demo_centers):
    center = Center.objects.get(slug="welcome-center-saarland")
    url = f"/admin/centers/center/{center.pk}/change/"

    response = staff_client.post(url, change_form_data(staff_client, url, city="Völklingen"))

    assert response.status_code == 302
    assert "voelklingen" in CenterSearch.objects.get(center=center).document
    found = staff_client.get("/en/centers/", {"q": "Völklingen"}).content.decode()
    assert center.display_name in found


@pytest.mark.parametrize("model", ["center", "service", "language", "state"])
def test_agency_staff_may_keep_the_directory(client, db, model):

    user = StaffFactory()
    client.force_login(user)
    assert client.get(f"/admin/centers/{model}/").status_code == 200
