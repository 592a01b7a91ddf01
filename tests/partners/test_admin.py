"""The agency staff's back office: permissions, actions, history, dashboard."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from partners.models import Partner
from tests.factories import PartnerFactory, StaffFactory, TopicFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/partners/partner/"


def test_agency_staff_group_has_exactly_the_partner_permissions_it_needs():
    group = Group.objects.get(name=roles.AGENCY_STAFF)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    partner_perms = {c for app, c in codenames if app == "partners"}
    assert partner_perms == {
        *(f"{a}_{m}" for a in ("view", "add", "change", "delete") for m in ("partner",)),
        *(f"{a}_{m}" for a in ("view", "add", "change", "delete") for m in ("cooperation",)),
        *(f"{a}_contactperson" for a in ("view", "add", "change", "delete")),
        "view_topic",
        "add_topic",
        "change_topic",
        "view_partnerkind",
    }
    assert ("centers", "view_center") in codenames


@pytest.mark.parametrize(
    "url", [CHANGELIST, f"{CHANGELIST}add/", f"{CHANGELIST}dashboard/", f"{CHANGELIST}import/"]
)
def test_center_editor_gets_403_on_the_partner_admin(client, url):
    client.force_login(StaffFactory(role=roles.CENTER_EDITORS))
    assert client.get(url).status_code == 403


def test_center_editor_does_not_see_partners_on_the_admin_index(client):
    client.force_login(StaffFactory(role=roles.CENTER_EDITORS))
    assert "/admin/partners/" not in client.get("/admin/").content.decode()


def test_agency_staff_filters_entries_not_verified_for_12_months(staff_client):
    PartnerFactory(name="Fresh", last_verified_at=timezone.now())
    PartnerFactory(name="Old", last_verified_at=timezone.now() - timezone.timedelta(days=400))
    PartnerFactory(name="Never")
    response = staff_client.get(f"{CHANGELIST}?verification=stale")
    names = {p.name for p in response.context["cl"].result_list}
    assert names == {"Old", "Never"}


def test_mark_verified_sets_date_and_user(staff_client, agency_staff):
    partner = PartnerFactory()
    response = staff_client.post(
        CHANGELIST, {"action": "mark_verified", "_selected_action": [partner.pk]}, follow=True
    )
    assert response.status_code == 200
    partner.refresh_from_db()
    assert partner.verified_by == agency_staff
    assert (timezone.now() - partner.last_verified_at).total_seconds() < 60
    assert partner.history.first().history_user == agency_staff


def test_mark_inactive_takes_partner_out_of_the_directory(staff_client, client):
    partner = PartnerFactory(name="Moved Away")
    assert "Moved Away" in client.get("/en/partners/").content.decode()

    staff_client.post(CHANGELIST, {"action": "mark_inactive", "_selected_action": [partner.pk]})

    partner.refresh_from_db()
    assert partner.status == Partner.Status.INACTIVE
    assert "Moved Away" not in client.get("/en/partners/").content.decode()
    assert client.get(partner.get_absolute_url()).status_code == 404


def _change_form(partner, **changes):
    data = {
        "name": partner.name,
        "slug": partner.slug,
        "kind": partner.kind_id,
        "status": partner.status,
        "country": partner.country.code,
        "city": partner.city,
        "latitude": partner.latitude,
        "longitude": partner.longitude,
        "cooperations-TOTAL_FORMS": 0,
        "cooperations-INITIAL_FORMS": 0,
        "contacts-TOTAL_FORMS": 0,
        "contacts-INITIAL_FORMS": 0,
    }
    return {**data, **changes}


def test_history_records_who_changed_what_and_can_revert(staff_client, agency_staff):
    partner = PartnerFactory(name="Goethe-Institut Lima", city="Lima")
    url = f"{CHANGELIST}{partner.pk}/change/"
    response = staff_client.post(url, _change_form(partner, city="Callao"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = partner.history.first()
    assert latest.history_user == agency_staff
    # A save by staff is also a verification.
    changed = set(latest.diff_against(latest.prev_record).changed_fields)
    assert changed == {"city", "last_verified_at", "verified_by"}
    history_page = staff_client.get(f"{url.removesuffix('change/')}history/").content.decode()
    assert str(agency_staff) in history_page
    assert "Callao" in history_page

    original = partner.history.last()
    revert_url = f"{CHANGELIST}{partner.pk}/history/{original.history_id}/"
    assert staff_client.get(revert_url).status_code == 200
    staff_client.post(revert_url, _change_form(partner, city="Lima"))
    partner.refresh_from_db()
    assert partner.city == "Lima"


def test_invalid_coordinates_are_refused_beside_the_field(staff_client):
    partner = PartnerFactory()
    response = staff_client.post(
        f"{CHANGELIST}{partner.pk}/change/", _change_form(partner, latitude="123")
    )
    assert response.status_code == 200
    assert "latitude" in response.context["adminform"].form.errors


def test_dashboard_counts_entries_and_lists_the_stalest_first(staff_client):
    PartnerFactory(
        name="Checked last year", last_verified_at=timezone.now() - timezone.timedelta(days=500)
    )
    PartnerFactory(name="Never checked")
    PartnerFactory(name="Checked today", last_verified_at=timezone.now())
    PartnerFactory(name="Gone", status=Partner.Status.INACTIVE)
    response = staff_client.get(f"{CHANGELIST}dashboard/")
    assert response.status_code == 200
    assert response.context["totals"] == {
        "total": 4,
        "active": 3,
        "inactive": 1,
        "stale": 2,
        "never_verified": 1,
    }
    assert [p.name for p in response.context["stale_partners"]] == [
        "Never checked",
        "Checked last year",
    ]


def test_agency_staff_can_pick_centers_and_parents_by_autocomplete(staff_client, center):
    PartnerFactory(name="Goethe-Institut")
    base = "/admin/autocomplete/?app_label=partners"
    centers = staff_client.get(f"{base}&model_name=cooperation&field_name=center&term=Thur")
    parents = staff_client.get(f"{base}&model_name=partner&field_name=parent&term=Goethe")
    assert [r["text"] for r in centers.json()["results"]] == ["Welcome Center Thuringia"]
    assert [r["text"] for r in parents.json()["results"]] == ["Goethe-Institut"]


def test_changelist_filters_by_country_and_topic(staff_client):
    topic = TopicFactory(slug="recognition")
    PartnerFactory(name="In Mexico", country="MX", topics=[topic])
    PartnerFactory(name="In Peru", country="PE")
    response = staff_client.get(
        f"{CHANGELIST}?country=MX&topics__id__exact={topic.pk}", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert [p.name for p in response.context["cl"].result_list] == ["In Mexico"]
    assert "Peru" in response.content.decode()  # offered as a filter: only countries in use
    assert "Zimbabwe" not in response.content.decode()
