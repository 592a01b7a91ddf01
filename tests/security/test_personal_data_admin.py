"""Participants' data in the back office: every look is logged; requests are answered there."""

import json

import pytest

from accounts.models import PersonalDataAccess
from events.models import Registration
from tests.factories import MeetingFactory, RegistrationFactory


@pytest.fixture
def staff_client(client, agency_staff):
    client.force_login(agency_staff)
    return client, agency_staff


def test_looking_at_participants_in_the_admin_is_logged(staff_client):
    client, staff = staff_client
    registration = RegistrationFactory(email="ana@example.net")
    client.get("/admin/events/registration/")
    client.get(f"/admin/events/registration/{registration.pk}/change/")
    log = list(PersonalDataAccess.objects.order_by("at").values_list("user", "action", "object_id"))
    assert log == [(staff.pk, "list", ""), (staff.pk, "view", str(registration.pk))]


def test_staff_export_a_participants_data_on_request(staff_client):
    client, _staff = staff_client
    registration = RegistrationFactory(email="ana@example.net", name="Ana Lima")
    response = client.post(
        "/admin/events/registration/",
        {"action": "export_personal_data", "_selected_action": [registration.pk]},
    )
    assert response["Content-Type"].startswith("application/json")
    exported = json.loads(response.content)
    assert exported[0]["email"] == "ana@example.net"
    assert PersonalDataAccess.objects.filter(action="export").exists()


def test_staff_erase_a_participants_data_on_request_and_the_seat_moves_on(staff_client):
    client, _staff = staff_client
    meeting = MeetingFactory(onsite_seats=1)
    leaving = RegistrationFactory(meeting=meeting, email="ana@example.net", status="confirmed")
    waiting = RegistrationFactory(
        meeting=meeting, email="ben@example.net", status="waitlisted", waitlist_position=1
    )
    client.post(
        "/admin/events/registration/",
        {"action": "erase_personal_data", "_selected_action": [leaving.pk]},
    )
    leaving.refresh_from_db()
    waiting.refresh_from_db()
    assert "ana@example.net" not in leaving.email
    assert leaving.anonymised_at is not None
    assert waiting.status == Registration.Status.CONFIRMED
