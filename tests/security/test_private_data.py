"""Personal data: never cached, organizers' reads logged, links only from SITE_URL."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail

from accounts.models import PersonalDataAccess
from centers.vcard import center_vcard
from tests.factories import (
    CenterFactory,
    InvitationFactory,
    MeetingFactory,
    OrganizerFactory,
    RegistrationFactory,
    UserFactory,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(db):
    meeting = MeetingFactory()
    organizer = OrganizerFactory()
    meeting.organizers.add(organizer)
    registration = RegistrationFactory(meeting=meeting, name="Ada Lovelace")
    invitation = InvitationFactory(meeting=meeting)
    return meeting, organizer, registration, invitation


def test_every_page_and_file_with_personal_data_is_private_and_not_stored(client, world):
    meeting, organizer, registration, invitation = world
    token, slug = registration.token, meeting.slug
    participant_urls = [
        f"/en/events/invitation/{token}/",
        f"/en/events/invitation/{token}/data.json",
        f"/en/events/invitation/{token}/qr.svg",
        f"/en/events/invitation/{invitation.token}/accept/",
        f"/en/events/invitation/{invitation.token}/decline/",
    ]
    organizer_urls = [
        f"/en/events/{slug}/manage/",
        f"/en/events/{slug}/manage/export.csv",
        f"/en/events/{slug}/manage/export.xlsx",
        f"/en/events/{slug}/manage/check-in/?q=Ada",
        f"/en/events/{slug}/manage/check-in/{registration.checkin_token}/",
        f"/en/events/{slug}/manage/invitations/",
        f"/en/events/{slug}/manage/add/",
    ]
    answers = {url: client.get(url) for url in participant_urls}
    client.force_login(organizer)
    answers |= {url: client.get(url) for url in organizer_urls}
    wrong = {
        url: response.get("Cache-Control")
        for url, response in answers.items()
        if response.status_code != 200
        or not {"private", "no-store"} <= set(re.split(r",\s*", response.get("Cache-Control", "")))
    }
    assert not wrong


def test_organizers_reads_of_participants_are_logged_like_the_admins(client, world):
    meeting, organizer, registration, _invitation = world
    client.force_login(organizer)
    client.get(f"/en/events/{meeting.slug}/manage/")
    client.get(f"/en/events/{meeting.slug}/manage/export.csv")
    client.get(f"/en/events/{meeting.slug}/manage/check-in/", {"q": "Ada"})
    client.get(f"/en/events/{meeting.slug}/manage/check-in/{registration.checkin_token}/")
    logged = PersonalDataAccess.objects.filter(user=organizer, model="events.Registration")
    assert sorted(logged.values_list("action", flat=True)) == ["export", "list", "search", "view"]
    assert all(entry.object_id == meeting.slug for entry in logged)


def test_a_carriage_return_in_a_street_stays_inside_its_vcard_property(db):
    center = CenterFactory(street="Hauptstr. 1\rEND:VCARD\rBEGIN:VCARD")
    card = center_vcard(center)
    assert "\rEND:VCARD" not in card
    assert card.split("\r\n").count("END:VCARD") == 1


def test_password_reset_links_come_from_site_url_not_the_host_header(client, db, settings):
    settings.SITE_URL = "https://portal.example"
    settings.ALLOWED_HOSTS = ["*"]
    UserFactory(email="someone@example.org")
    client.post(
        "/accounts/password/reset/",
        {"email": "someone@example.org"},
        HTTP_HOST="evil.example:8443",
    )
    assert len(mail.outbox) == 1
    links = re.findall(r"https?://[^\s/]+/\S*", mail.outbox[0].body)
    assert links
    assert all(link.startswith("https://portal.example/accounts/") for link in links)
    assert "evil.example" not in mail.outbox[0].body


@pytest.mark.parametrize("site_url", [None, "http://portal.example", "https://"])
def test_prod_settings_refuse_to_start_without_an_https_site_url(site_url):
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "DEBUG"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "welcome_portal.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
    }
    if site_url is not None:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr
    assert "Traceback" not in result.stderr
