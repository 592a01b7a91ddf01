"""Honest about seats: the form, the answer after registering, cancelling, coming back, and
the personal link asked for again."""

import pytest
from django.core import mail
from django.test import override_settings

from events.models import OutboxMessage, Registration

from .conftest import register
from .test_public_pages import registration_data

pytestmark = pytest.mark.django_db


def post_registration(client, meeting, lang="en", **data):
    return client.post(f"/{lang}/events/{meeting.slug}/register/", registration_data(**data))


def test_each_attendance_choice_says_whether_seats_are_left(client, meeting):
    register(meeting, "a@example.org")
    register(meeting, "b@example.org")  # the two on-site seats are gone

    page = client.get(f"/en/events/{meeting.slug}/register/").content.decode()

    assert "on site: fully booked, you join the waiting list" in page
    assert "online: 1 seat left" in page


def test_a_form_sent_back_with_an_error_still_says_which_modes_have_seats(client, meeting):
    register(meeting, "a@example.org")
    register(meeting, "b@example.org")

    page = post_registration(client, meeting, name="").content.decode()

    assert "This field is required." in page
    assert "on site: fully booked, you join the waiting list" in page
    assert "online: 1 seat left" in page


@pytest.mark.parametrize(
    ("lang", "confirmed", "waitlisted"),
    [
        ("en", "confirmed", "waiting list, position 1"),
        ("de", "bestätigt", "Warteliste, Platz 1"),
    ],
)
def test_answer_page_says_the_status_once_and_never_links_the_personal_page(
    client, meeting, lang, confirmed, waitlisted
):
    register(meeting, "a@example.org")
    first = post_registration(client, meeting, lang, email="b@example.org")
    second = post_registration(client, meeting, lang, email="c@example.org")

    assert first.status_code == second.status_code == 200  # an answer, not a redirect
    assert first.content.decode().count(confirmed) == 1
    page = second.content.decode()
    assert page.count(waitlisted) == 1
    for registration in Registration.objects.all():
        assert registration.token not in first.content.decode() + page
    assert "/events/invitation/" not in page


def test_waitlisted_answer_offers_the_mode_that_has_seats(client, meeting):
    register(meeting, "a@example.org")
    register(meeting, "b@example.org")

    page = post_registration(client, meeting).content.decode()

    assert "You are on the waiting list, position 1." in page
    assert "1 seat is still free online" in page


def test_cancelling_asks_first_and_the_person_can_register_again(client, meeting):
    registration = register(meeting, "amina@example.org")
    cancel_url = f"/en/events/invitation/{registration.token}/cancel/"

    question = client.post(cancel_url)
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert "Yes, cancel my registration" in question.content.decode()

    client.post(cancel_url, {"confirm": "yes"})
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    personal = client.get(registration.get_absolute_url()).content.decode()
    assert "Register again" in personal
    assert "Add to calendar" not in personal

    answer = post_registration(client, meeting, attendance_mode="online")
    registration.refresh_from_db()
    assert "You are registered: confirmed." in answer.content.decode()
    assert (registration.status, registration.attendance_mode) == ("confirmed", "online")
    assert meeting.registrations.count() == 1


def test_personal_page_links_of_a_cancelled_registration_leave_no_loose_separator(client, meeting):
    registration = register(meeting, "amina@example.org")
    client.post(f"/en/events/invitation/{registration.token}/cancel/", {"confirm": "yes"})

    page = client.get(registration.get_absolute_url()).content.decode()
    row = page[page.index('<ul class="link-row">') :]
    row = row[: row.index("</ul>")]

    assert row.count("<li>") == 2  # the programme and the data, no calendar
    assert "·" not in row  # the dots come from the list, only between two links


def test_an_active_registration_still_cannot_register_twice(client, meeting):
    register(meeting, "amina@example.org")
    response = post_registration(client, meeting, email="AMINA@example.org")
    assert "already registered" in response.content.decode()


def test_the_only_other_mode_is_one_button_not_a_lonely_radio(client, meeting):
    registration = register(meeting, "a@example.org")

    page = client.get(registration.get_absolute_url()).content.decode()

    assert "Attend online instead" in page
    assert 'type="radio" name="attendance_mode"' not in page


def test_personal_link_again_answers_the_same_and_mails_only_a_registered_address(
    client, meeting, tasks_in_process, django_capture_on_commit_callbacks
):
    registration = register(meeting, "amina@example.org", notify=False)
    url = f"/en/events/{meeting.slug}/link/"

    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "AMINA@example.org"}).content.decode()
        unknown = client.post(url, {"email": "nobody@example.org"}).content.decode()

    assert known.replace("AMINA@example.org", "X") == unknown.replace("nobody@example.org", "X")
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert registration.token in mail.outbox[0].body
    assert OutboxMessage.objects.filter(kind="personal_link").count() == 1


@override_settings(REGISTRATION_RATE_LIMIT="3/h")
def test_personal_link_again_is_rate_limited(client, meeting):
    from django.core.cache import cache

    cache.clear()
    url = f"/de/events/{meeting.slug}/link/"
    answers = [client.post(url, {"email": f"p{n}@example.org"}) for n in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert "Bitte versuchen Sie es in" in answers[-1].content.decode()
    assert int(answers[-1]["Retry-After"]) > 0
    assert not OutboxMessage.objects.exists()


def test_the_registration_deadline_holds_for_invitees_too(meeting):
    from datetime import timedelta

    from django.utils import timezone

    from events.services import RegistrationError, registration_create

    meeting.registration_mode = "invitation_only"
    meeting.registration_closes_at = timezone.now() - timedelta(minutes=1)
    meeting.save()

    with pytest.raises(RegistrationError):
        registration_create(
            meeting=meeting,
            name="Late Invitee",
            email="late@example.org",
            attendance_mode="on_site",
            privacy_consent=True,
            locked_email="late@example.org",
        )
    assert not meeting.registrations.exists()
