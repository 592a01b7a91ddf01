"""The invitations page with choices from the directories: entries without an e-mail address
named in the preview, people already registered marked and skipped, directory choices and a
pasted list taken together."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from events.models import Invitation
from tests.factories import (
    CenterFactory,
    MeetingFactory,
    PartnerFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def organizer_client(client, meeting):
    user = UserFactory()
    meeting.organizers.add(user)
    client.force_login(user)
    return client


def page(meeting, language="en"):
    with override(language):
        return reverse("events:manage_invitations", args=[meeting.slug])


def hidden_fields(html: str) -> dict[str, list[str]]:
    """What the preview's "send" button posts: its hidden fields, as a browser would."""
    data: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html):
        if name != "csrfmiddlewaretoken":
            data.setdefault(name, []).append(value)
    return data


def test_goethe_branches_without_an_address_are_named_in_the_preview(organizer_client, meeting):
    PartnerFactory(name="Goethe-Institut Mumbai", country="IN", email="")
    PartnerFactory(name="Goethe-Institut New Delhi", country="IN", email="delhi@example.org")

    response = organizer_client.post(page(meeting), {"goethe_countries": ["IN"], "preview": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Goethe-Institut Mumbai: no e-mail address in the directory — not invited" in html
    assert "delhi@example.org" in html
    assert "name at least one person" not in html


def test_only_entries_without_an_address_give_their_names_and_nothing_to_send(
    organizer_client, meeting
):
    center = CenterFactory(name="Welcome Center Ohne Post", email="")
    PartnerFactory(name="Goethe-Institut Mumbai", country="IN", email="")

    response = organizer_client.post(
        page(meeting, "de"), {"centers": [center.pk], "goethe_countries": ["IN"], "preview": "1"}
    )

    html = response.content.decode()
    missing = "keine E-Mail-Adresse im Verzeichnis \u2013 nicht eingeladen"
    assert f"Welcome Center Ohne Post: {missing}" in html
    assert "Goethe-Institut Mumbai: keine E-Mail-Adresse im Verzeichnis" in html
    assert "mindestens eine Person" not in html
    assert 'name="confirm"' not in html  # nothing to send


def test_people_already_registered_are_marked_and_not_invited_again(
    organizer_client, meeting, django_capture_on_commit_callbacks
):
    RegistrationFactory(meeting=meeting, email="Ada@Example.org")
    RegistrationFactory(meeting=meeting, email="gone@example.org", status="cancelled")
    pasted = "Ada, ada@example.org\nGone, gone@example.org\nBea, bea@example.org"

    preview = organizer_client.post(page(meeting), {"text": pasted, "preview": "1"})
    html = preview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(page(meeting), {**hidden_fields(html), "confirm": "1"})

    assert html.count("already registered \u2013 not invited") == 1
    assert "Send 2 invitations" in html
    assert sorted(meeting.invitations.values_list("email", flat=True)) == [
        "bea@example.org",
        "gone@example.org",  # who cancelled may be invited again
    ]


def test_directory_choices_and_a_pasted_list_are_both_invited_once_per_address(
    organizer_client, meeting, django_capture_on_commit_callbacks
):
    center = CenterFactory(email="post@wc-erfurt.example")
    partner = PartnerFactory(email="Delhi@Goethe.example", country="IN")
    PartnerFactory(name="Goethe-Institut Mumbai", country="IN", email="")
    pasted = "Ada, ada@example.org\nDelhi desk, delhi@goethe.example, Goethe-Institut, en"

    preview = organizer_client.post(
        page(meeting),
        {"text": pasted, "centers": [center.pk], "goethe_countries": ["IN"], "preview": "1"},
    )
    html = preview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(page(meeting), {**hidden_fields(html), "confirm": "1"})

    assert response.status_code == 302
    assert "Goethe-Institut Mumbai: no e-mail address" in html
    assert html.count("repeated \u2013 skipped") == 1  # the partner's address, also pasted
    invited = {i.email.lower(): i for i in Invitation.objects.filter(meeting=meeting)}
    assert sorted(invited) == ["ada@example.org", "delhi@goethe.example", "post@wc-erfurt.example"]
    assert invited["post@wc-erfurt.example"].center == center
    assert invited["delhi@goethe.example"].name == "Delhi desk"  # the pasted line comes first
    assert partner.pk  # chosen through its country
