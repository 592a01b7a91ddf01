"""Verification and history of centers in the back office, as for partners."""

from datetime import timedelta

import pytest
from django.utils import timezone

from centers.models import Center
from tests.admin_forms import change_form_data
from tests.factories import CenterFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/centers/center/"


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_stale_filter_lists_centers_not_verified_for_12_months(staff_client):
    CenterFactory(name="Fresh", last_verified_at=days_ago(10))
    CenterFactory(name="Old", last_verified_at=days_ago(400))
    CenterFactory(name="Never")
    response = staff_client.get(CHANGELIST, {"verification": "stale"}, HTTP_ACCEPT_LANGUAGE="en")
    assert {c.name for c in response.context["cl"].result_list} == {"Old", "Never"}
    assert "not verified for 12 months" in response.content.decode()
    recent = staff_client.get(CHANGELIST, {"verification": "recent"})
    assert [c.name for c in recent.context["cl"].result_list] == ["Fresh"]


def test_mark_as_verified_today_sets_date_and_user_and_is_in_the_history(
    staff_client, agency_staff
):
    old = CenterFactory(name="Old", last_verified_at=days_ago(400))
    untouched = CenterFactory(name="Untouched", last_verified_at=days_ago(400))
    response = staff_client.post(
        CHANGELIST,
        {"action": "mark_verified", "_selected_action": [old.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "1 entry marked as verified." in response.content.decode()
    old.refresh_from_db()
    assert old.verified_by == agency_staff
    assert timezone.now() - old.last_verified_at < timedelta(minutes=1)
    record = old.history.first()
    assert record.history_user == agency_staff
    assert record.history_change_reason == "Marked as verified"
    untouched.refresh_from_db()
    assert untouched.last_verified_at < days_ago(399)
    assert list(Center.objects.stale()) == [untouched]


def test_a_save_by_staff_counts_as_a_verification(staff_client, agency_staff):
    center = CenterFactory(name="Welcome Center Jena", phone="0361 1")
    url = f"{CHANGELIST}{center.pk}/change/"
    response = staff_client.post(url, change_form_data(staff_client, url, phone="0361 2"))
    assert response.status_code == 302
    center.refresh_from_db()
    assert center.phone == "0361 2"
    assert center.verified_by == agency_staff
    assert timezone.now() - center.last_verified_at < timedelta(minutes=1)


def test_a_save_by_the_centers_editor_counts_as_a_verification(client):
    editor = UserFactory(email="editor@example.org")
    center = CenterFactory(name="Own Center", last_verified_at=days_ago(500))
    center.editors.add(editor)
    client.force_login(editor)
    data = {
        "status": "active",
        "postal_code": "99084",
        "city": "Erfurt",
        "closures-TOTAL_FORMS": "0",
        "closures-INITIAL_FORMS": "0",
    }
    assert client.post(f"/en/centers/{center.slug}/edit/", data).status_code == 302
    center.refresh_from_db()
    assert center.verified_by == editor
    assert timezone.now() - center.last_verified_at < timedelta(minutes=1)
    assert not Center.objects.stale().filter(pk=center.pk).exists()
    assert center.history.first().history_user == editor


def test_history_lists_field_old_and_new_value_who_and_the_reason(staff_client, agency_staff):
    center = CenterFactory(name="Welcome Center Gera", phone="0365 100", kind="municipal")
    url = f"{CHANGELIST}{center.pk}/change/"
    staff_client.post(url, change_form_data(staff_client, url))  # first recorded version
    data = change_form_data(
        staff_client, url, phone="0365 200", kind="state_wide", change_reason="New switchboard"
    )
    assert staff_client.post(url, data).status_code == 302

    page = staff_client.get(f"{CHANGELIST}{center.pk}/history/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    newest = html.split('<tbody class="history-record">')[1]
    assert '<th scope="row">Phone</th><td class="history-old">0365 100</td>' in newest
    assert '<td class="history-new">0365 200</td>' in newest
    # choices by their labels, not the stored values
    assert '<th scope="row">Kind</th><td class="history-old">municipal</td>' in newest
    assert '<td class="history-new">state-wide</td>' in newest
    assert "New switchboard" in newest
    assert "Sabine Staff" in newest


def test_history_of_a_center_can_still_be_reverted(staff_client):
    center = CenterFactory(name="Welcome Center Suhl", city="Suhl")
    url = f"{CHANGELIST}{center.pk}/change/"
    staff_client.post(url, change_form_data(staff_client, url))
    staff_client.post(url, change_form_data(staff_client, url, city="Zella-Mehlis"))
    original = center.history.last()
    revert_url = f"{CHANGELIST}{center.pk}/history/{original.history_id}/"
    assert staff_client.get(revert_url).status_code == 200
    staff_client.post(revert_url, change_form_data(staff_client, revert_url))
    center.refresh_from_db()
    assert center.city == "Suhl"


def test_the_dashboard_covers_centers_and_partners_and_the_index_links_it(staff_client):
    CenterFactory(name="Never Checked Center")
    CenterFactory(name="Checked Center", last_verified_at=days_ago(5))
    index = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/admin/partners/partner/dashboard/"' in index
    response = staff_client.get("/admin/partners/partner/dashboard/", HTTP_ACCEPT_LANGUAGE="en")
    assert [c.name for c in response.context["stale_centers"]] == ["Never Checked Center"]
    assert response.context["center_totals"]["stale"] == 1
    assert "Check these first" in response.content.decode()
