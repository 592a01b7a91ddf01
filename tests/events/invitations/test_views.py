"""The organizer's invitation page and the invitee's answer, through the test client."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import override

from events.models import Invitation
from tests.factories import MeetingFactory, RegistrationFactory, UserFactory

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


def page(meeting, name="manage_invitations"):
    with override("en"):
        return reverse(f"events:{name}", args=[meeting.slug])


LIST = "Ada, ada@example.org, WC Erfurt, en\nBea, bea@example.org\nAda again, ADA@example.org\n"


def test_preview_marks_repeats_and_already_invited_and_writes_nothing(organizer_client, meeting):
    Invitation.objects.create(meeting=meeting, email="bea@example.org")

    response = organizer_client.post(page(meeting), {"text": LIST, "preview": "1"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("already invited") == 1
    assert html.count("repeated") == 1
    assert meeting.invitations.count() == 1


def test_confirming_invites_everyone_new_in_one_click(
    organizer_client, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(page(meeting), {"text": LIST, "confirm": "1"})

    assert response.status_code == 302
    assert sorted(meeting.invitations.values_list("email", "status")) == [
        ("ada@example.org", "sent"),
        ("bea@example.org", "sent"),
    ]
    assert len(mail.outbox) == 2


def test_a_bad_row_is_reported_beside_the_list_and_nothing_is_invited(organizer_client, meeting):
    response = organizer_client.post(page(meeting), {"text": "Bob, no-address", "confirm": "1"})

    assert response.status_code == 200
    assert "no-address" in response.content.decode()
    assert not meeting.invitations.exists()


def test_a_mixed_list_with_a_bad_line_names_the_line_in_the_page_language(
    organizer_client, meeting
):
    mixed = "Ada; ada@example.org; WC Erfurt\nBea, bea@example.org\nCarl carl at example.org\n"
    with override("de"):
        url = reverse("events:manage_invitations", args=[meeting.slug])

    response = organizer_client.post(url, {"text": mixed, "confirm": "1"})

    assert response.status_code == 200
    assert "Zeile 3: Die E-Mail-Adresse fehlt" in response.content.decode()
    assert not meeting.invitations.exists()


def test_organizer_of_another_meeting_gets_403_and_anonymous_the_login(client, meeting):
    assert client.get(page(meeting)).status_code == 302
    other = MeetingFactory()
    user = UserFactory()
    other.organizers.add(user)
    client.force_login(user)
    for name in ("manage_invitations", "manage_invitations_progress"):
        assert client.get(page(meeting, name)).status_code == 403
    assert client.post(page(meeting, "manage_invitations_resend_failed")).status_code == 403


@pytest.mark.parametrize("n", [5, 60])
def test_invitation_page_runs_a_fixed_number_of_queries(
    organizer_client, meeting, django_assert_max_num_queries, n
):
    Invitation.objects.bulk_create(
        Invitation(meeting=meeting, email=f"p{i}@example.org", status="failed") for i in range(n)
    )
    # 13: the header's tools of the logged-in organizer (accounts.tools) take one query.
    with django_assert_max_num_queries(13):
        response = organizer_client.get(page(meeting))
    assert response.status_code == 200


def test_progress_polls_while_sending_and_stops_when_done(organizer_client, meeting):
    inv = Invitation.objects.create(meeting=meeting, email="a@example.org")
    assert (
        'hx-trigger="every 3s"'
        in organizer_client.get(page(meeting, "manage_invitations_progress")).content.decode()
    )
    inv.status = "sent"
    inv.save()
    assert (
        "hx-trigger"
        not in organizer_client.get(page(meeting, "manage_invitations_progress")).content.decode()
    )


def test_accept_link_opens_the_registration_bound_to_the_invited_address(client, meeting):
    inv = Invitation.objects.create(meeting=meeting, email="ada@example.org", name="Ada")
    url = reverse("events:invitation_accept", args=[inv.token])

    response = client.get(url)
    assert 'value="Ada"' in response.content.decode()
    assert "ada@example.org" in response.content.decode()
    response = client.post(
        url,
        {
            "name": "Ada",
            "attendance_mode": "online",
            "privacy_consent": "on",
            "email": "someone-else@example.org",
        },
    )

    registration = meeting.registrations.get()
    assert response.status_code == 302
    assert registration.email == "ada@example.org"
    inv.refresh_from_db()
    assert (inv.status, inv.opened_at is not None) == ("accepted", True)
    assert client.get(url).url == registration.get_absolute_url()


def test_decline_needs_a_post_so_link_scanners_decline_for_nobody(client, meeting):
    inv = Invitation.objects.create(meeting=meeting, email="ada@example.org", status="sent")
    url = reverse("events:invitation_decline", args=[inv.token])

    client.get(url)
    inv.refresh_from_db()
    assert inv.status == "sent"
    client.post(url)
    inv.refresh_from_db()
    assert inv.status == "declined"


def test_an_invitation_link_without_its_accept_part_leads_to_the_invitation(client, meeting):
    inv = Invitation.objects.create(meeting=meeting, email="ada@example.org", name="Ada")
    response = client.get(reverse("events:personal", args=[inv.token]))
    assert response.status_code == 302
    assert response.url == reverse("events:invitation_accept", args=[inv.token])


def test_unknown_token_gives_a_friendly_404(client):
    response = client.get(reverse("events:invitation_accept", args=["nope"]))

    assert response.status_code == 404
    assert "This personal link is unknown or no longer valid" in response.content.decode()


def test_funnel_counts_invited_sent_opened_registered_attended(organizer_client, meeting):
    Invitation.objects.create(meeting=meeting, email="a@example.org")
    Invitation.objects.create(
        meeting=meeting,
        email="b@example.org",
        status="sent",
        sent_at="2030-01-01T00:00Z",
        opened_at="2030-01-02T00:00Z",
    )
    RegistrationFactory(meeting=meeting, email="B@example.org", status="attended")

    assert meeting.invitations.funnel() == {
        "invited": 2,
        "sent": 1,
        "opened": 1,
        "registered": 1,
        "attended": 1,
    }


def test_a_line_mixing_commas_and_semicolons_is_invited_as_meant_from_the_page(
    organizer_client, meeting, django_capture_on_commit_callbacks
):
    pasted = (
        "Anna Beispiel, anna@example.org; Welcome Center Hamburg\n"
        "Beispiel, Bert; bert@example.org, Welcome Center Hamburg, en\n"
    )
    with override("de"):
        url = reverse("events:manage_invitations", args=[meeting.slug])

    preview = organizer_client.post(url, {"text": pasted, "preview": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        sent = organizer_client.post(url, {"text": pasted, "confirm": "1"})

    assert "Zeile" not in preview.content.decode()
    assert sent.status_code == 302
    assert sorted(meeting.invitations.values_list("name", "email", "organisation", "language")) == [
        ("Anna Beispiel", "anna@example.org", "Welcome Center Hamburg", "de"),
        ("Beispiel, Bert", "bert@example.org", "Welcome Center Hamburg", "en"),
    ]


def test_a_mixed_line_without_an_address_is_named_in_the_page_language(organizer_client, meeting):
    pasted = "Anna Beispiel, anna@example.org; WC Hamburg\nBea Weber; Welcome Center Hamburg\n"
    with override("de"):
        url = reverse("events:manage_invitations", args=[meeting.slug])

    response = organizer_client.post(url, {"text": pasted, "confirm": "1"})

    assert response.status_code == 200
    assert "Zeile 2: Die E-Mail-Adresse fehlt" in response.content.decode()
    assert not meeting.invitations.exists()
