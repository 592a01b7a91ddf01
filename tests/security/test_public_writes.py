"""Public writes are limited: per address and meeting, robots' form fills, notices per person."""

import pytest
from django.core.cache import cache

from events.models import OutboxMessage, Registration
from events.services import (
    registration_cancel,
    registration_create,
    registration_erase,
    registration_register,
    registration_switch_mode,
)
from tests.factories import InvitationFactory, MeetingFactory

FORM = {
    "name": "Robo",
    "organisation": "",
    "attendance_mode": "on_site",
    "privacy_consent": "on",
}


@pytest.fixture
def limited(settings):
    settings.REGISTRATION_RATE_LIMIT = "3/h"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def meeting(db):
    return MeetingFactory(registration_mode="open", onsite_seats=100)


def register(client, meeting, n: int, **extra):
    url = f"/en/events/{meeting.slug}/register/"
    return client.post(
        url, {**FORM, "email": f"bot{n}@example.net", **extra}, REMOTE_ADDR="203.0.113.9"
    )


def test_a_flood_of_registrations_from_one_address_gets_429_in_the_users_language(
    client, meeting, limited
):
    answers = [register(client, meeting, n).status_code for n in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    assert Registration.objects.filter(meeting=meeting).count() == 3
    refused = register(client, meeting, 9)
    assert int(refused["Retry-After"]) > 0
    assert "Please try again in" in refused.content.decode()
    german = client.post(
        f"/de/events/{meeting.slug}/register/",
        {**FORM, "email": "bot10@example.net"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert german.status_code == 429
    assert "Bitte versuchen Sie es in" in german.content.decode()


def test_the_limit_is_per_address_and_per_meeting(client, meeting, limited):
    for n in range(3):
        register(client, meeting, n)
    assert register(client, meeting, 3).status_code == 429
    other = MeetingFactory(registration_mode="open")
    assert register(client, other, 4).status_code == 200
    url = f"/en/events/{meeting.slug}/register/"
    data = {**FORM, "email": "human@example.net"}
    assert client.post(url, data, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_off_switches_the_limit_off(client, meeting, settings):
    settings.REGISTRATION_RATE_LIMIT = "off"
    assert all(register(client, meeting, n).status_code == 200 for n in range(25))


def test_invitation_answers_are_limited_too(client, meeting, limited):
    invitations = [InvitationFactory(meeting=meeting) for _ in range(5)]
    answers = [
        client.post(
            f"/en/events/invitation/{inv.token}/decline/", REMOTE_ADDR="203.0.113.9"
        ).status_code
        for inv in invitations
    ]
    assert answers == [200, 200, 200, 429, 429]
    assert meeting.invitations.filter(status="declined").count() == 3


def test_a_filled_in_honeypot_registers_nobody(client, meeting):
    response = register(client, meeting, 1, website="https://spam.example")
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_people_never_see_the_honeypot(client, meeting):
    html = client.get(f"/en/events/{meeting.slug}/register/").content.decode()
    trap = html[html.index('name="website"') - 400 : html.index('name="website"')]
    assert '<div hidden aria-hidden="true">' in trap
    assert 'tabindex="-1"' in html[html.index('name="website"') - 200 :][:400]


def test_accessibility_needs_are_at_most_2000_characters(client, meeting):
    response = register(client, meeting, 1, accessibility_needs="x" * 2001)
    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert register(client, meeting, 2, accessibility_needs="x" * 2000).status_code == 200


def test_the_model_refuses_longer_accessibility_needs(meeting):
    from django.core.exceptions import ValidationError

    registration = Registration(
        meeting=meeting,
        name="A",
        email="a@example.net",
        attendance_mode="on_site",
        status="confirmed",
        accessibility_needs="x" * 2001,
    )
    with pytest.raises(ValidationError) as error:
        registration.full_clean()
    assert "accessibility_needs" in error.value.message_dict


def notices_to(address: str) -> int:
    return OutboxMessage.objects.filter(email=address).count()


def register_victim(meeting, mode="on_site", *, register=registration_create):
    """The address someone else fills in, over and over, to fill its mailbox."""
    return register(
        meeting=meeting,
        name="Victim",
        email="victim@example.net",
        attendance_mode=mode,
        privacy_consent=True,
    )


def test_mode_switches_send_at_most_three_notices_an_hour(meeting):
    registration = register_victim(meeting)
    for n in range(10):
        registration_switch_mode(
            registration=registration, mode="online" if n % 2 == 0 else "on_site"
        )
    registration.refresh_from_db()
    assert registration.attendance_mode == "on_site"  # every switch still happened
    assert notices_to("victim@example.net") == 3


def test_cancelling_and_registering_again_counts_towards_the_same_three(meeting):
    first = register_victim(meeting)
    registration_cancel(registration=first)
    registration_erase(registration=first)  # the address may register again
    again = register_victim(meeting, "online")
    registration_switch_mode(registration=again, mode="on_site")
    assert notices_to("victim@example.net") == 3


def test_registering_again_after_cancelling_sends_at_most_three_notices(meeting):
    # Cancel and register again through the form, over and over: each time the registration
    # comes back, but the mailbox gets three notices in the hour, not one per round.
    for _round in range(4):
        registration = register_victim(meeting, register=registration_register)
        registration_cancel(registration=registration)
    registration.refresh_from_db()
    assert registration.status == "cancelled"  # every round happened
    assert notices_to("victim@example.net") == 3


def test_a_new_registration_past_the_limit_is_made_without_a_notice(meeting):
    for _round in range(2):  # registered and cancelled twice: four notices asked for
        registration = register_victim(meeting)
        registration_cancel(registration=registration)
        registration_erase(registration=registration)
    latest = register_victim(meeting)

    assert latest.status == "confirmed"
    assert notices_to("victim@example.net") == 3
    assert not OutboxMessage.objects.filter(registration=latest).exists()


def test_organizer_moves_are_not_capped(meeting):
    from events.services import registration_set_status

    registration = registration_create(
        meeting=meeting,
        name="P",
        email="p@example.net",
        attendance_mode="on_site",
        privacy_consent=True,
    )
    for status in ["waitlisted", "confirmed", "waitlisted", "confirmed", "cancelled"]:
        registration_set_status(registration=registration, status=status)
    assert notices_to("p@example.net") == 6
