"""What the API never shows: drafts, participants, the online link, contacts without consent."""

import json

import pytest

from centers.models import ContactPerson
from partners.models import ContactPerson as PartnerContact
from tests.factories import (
    CenterFactory,
    MeetingFactory,
    PartnerFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

PARTICIPANT = {
    "name": "Petra Privat",
    "email": "petra.privat@example.net",
    "organisation": "Privat-Organisation Beispiel",
    "accessibility_needs": "Rollstuhlplatz ganz vorne",
}
# Every field a registration has beyond its meeting: none may appear in any answer.
REGISTRATION_MARKERS = ["registrations", "participants", "waitlist", "attendance_mode", "token"]


@pytest.fixture
def meetings():
    published = MeetingFactory(slug="public-meeting", online_link="https://video.example.org/x1")
    SessionFactory(meeting=published)
    draft = MeetingFactory(slug="secret-draft", status="draft")
    registration = RegistrationFactory(meeting=published, **PARTICIPANT)
    return published, draft, registration


def everything(client, meetings):
    published, _draft, _registration = meetings
    urls = [
        "/api/v1/meetings/",
        f"/api/v1/meetings/{published.slug}/",
        "/api/v1/meetings/?when=upcoming",
    ]
    return "".join(client.get(url).content.decode() for url in urls)


def test_an_unpublished_meeting_is_in_no_list_and_has_no_detail(client, meetings):
    _published, draft, _registration = meetings
    listed = [m["id"] for m in client.get("/api/v1/meetings/").json()["results"]]
    assert listed == ["public-meeting"]
    assert client.get(f"/api/v1/meetings/{draft.slug}/").status_code == 404


def test_no_participant_field_appears(client, meetings):
    body = everything(client, meetings)
    for value in PARTICIPANT.values():
        assert value not in body
    _published, _draft, registration = meetings
    assert registration.token not in body
    for marker in REGISTRATION_MARKERS:
        assert f'"{marker}"' not in body


def test_the_online_link_never_appears(client, meetings):
    body = everything(client, meetings)
    assert "video.example.org" not in body
    assert "online_link" not in body


def test_the_meeting_shows_its_programme(client, meetings):
    published, _draft, _registration = meetings
    body = client.get(f"/api/v1/meetings/{published.slug}/").json()
    assert body["format"] == "hybrid"
    assert len(body["sessions"]) == 1
    assert body["days"] == [body["sessions"][0]["day"]]
    assert body["title"] == {"de": published.title_de, "en": published.title_en}


def test_center_contacts_only_with_publication_consent(client):
    center = CenterFactory()
    ContactPerson.objects.create(center=center, name="Ja Zustimmung", publication_consent=True)
    ContactPerson.objects.create(center=center, name="Nein Danke", email="nein@example.org")
    for url in (f"/api/v1/centers/{center.slug}/", "/api/v1/centers/"):
        body = client.get(url).content.decode()
        assert "Ja Zustimmung" in body
        assert "Nein Danke" not in body
        assert "nein@example.org" not in body


def test_partner_contacts_only_with_publication_consent(client):
    partner = PartnerFactory()
    PartnerContact.objects.create(partner=partner, name="Ja Zustimmung", publication_consent=True)
    PartnerContact.objects.create(partner=partner, name="Nein Danke", email="nein@example.org")
    for url in (f"/api/v1/partners/{partner.slug}/", "/api/v1/partners/"):
        body = client.get(url).content.decode()
        assert "Ja Zustimmung" in body
        assert "Nein Danke" not in body
        assert "nein@example.org" not in body


def test_downloads_hold_no_contact_person(client):
    center = CenterFactory()
    ContactPerson.objects.create(center=center, name="Ja Zustimmung", publication_consent=True)
    for url in ("/api/v1/centers.csv", "/api/v1/centers.geojson"):
        assert "Ja Zustimmung" not in client.get(url).content.decode()


def test_closed_centers_and_inactive_partners_are_not_published(client):
    CenterFactory(slug="gone-center", status="closed")
    PartnerFactory(slug="gone-partner", status="inactive")
    assert client.get("/api/v1/centers/gone-center/").status_code == 404
    assert client.get("/api/v1/partners/gone-partner/").status_code == 404
    for url in ("/api/v1/centers/", "/api/v1/partners/", "/api/v1/centers.csv"):
        assert "gone-" not in json.dumps(client.get(url).content.decode())
