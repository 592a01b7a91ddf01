"""The public pages: list, meeting page, calendar, registration, the personal page."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration
from tests.factories import MeetingFactory, RegistrationFactory, SessionFactory

from .conftest import register

pytestmark = pytest.mark.django_db
ONLINE_LINK = "https://video.example.org/room-42"


def registration_data(**overrides):
    data = {
        "name": "Amina Yusuf",
        "email": "amina@example.org",
        "organisation": "Welcome Center Example",
        "attendance_mode": "on_site",
        "privacy_consent": "on",
    }
    return {**data, **overrides}


def test_list_shows_upcoming_and_past_but_not_drafts(client):
    MeetingFactory(title_en="Next meeting")
    MeetingFactory(
        title_en="Old meeting",
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=399),
    )
    MeetingFactory(title_en="Secret draft", status="draft")

    page = client.get("/en/events/").content.decode()

    assert "Next meeting" in page
    assert "Old meeting" in page
    assert "Secret draft" not in page
    assert page.index("Upcoming events") < page.index("Next meeting") < page.index("Past events")


def test_meeting_page_shows_programme_by_day_seats_and_never_the_online_link(client, meeting):
    SessionFactory(meeting=meeting, title_en="Opening talk")
    SessionFactory(
        meeting=meeting,
        day=meeting.starts_at.date() + timedelta(days=1),
        title_en="Mobility research",
        kind="research_presentation",
    )
    register(meeting, "a@example.org", "online")

    response = client.get(f"/en/events/{meeting.slug}/")
    page = response.content.decode()

    assert "Day 1" in page
    assert "Day 2" in page
    assert page.index("Opening talk") < page.index("Mobility research")
    assert "2 seats left" in page
    assert "fully booked \u2013 waiting list" in page
    assert ONLINE_LINK not in page
    assert not response.cookies


def test_calendar_holds_every_session_and_no_block_over_them(client, meeting):
    sessions = SessionFactory.create_batch(3, meeting=meeting)

    response = client.get(f"/de/events/{meeting.slug}/calendar.ics")

    assert response["Content-Type"] == "text/calendar"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    summaries = [str(event["summary"]) for event in events]
    assert len(events) == len(sessions)
    for session in sessions:
        assert any(session.title_de in summary for summary in summaries)
    assert str(events[0]["dtstart"].dt.tzinfo) == "Europe/Berlin"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert ONLINE_LINK.encode() not in response.content


def test_calendar_of_a_meeting_without_programme_is_the_meeting(client, meeting):
    response = client.get(f"/en/events/{meeting.slug}/calendar.ics")

    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]) == f"meeting-{meeting.pk}@127.0.0.1"
    assert event["dtstart"].dt == meeting.starts_at


@pytest.mark.parametrize(
    ("lang", "confirmed_word", "waitlist_words"),
    [("en", "confirmed", "waiting list, position 1"), ("de", "bestätigt", "Warteliste, Platz 1")],
)
def test_answer_page_says_confirmed_or_waiting_list_position(
    client, meeting, lang, confirmed_word, waitlist_words
):
    meeting.onsite_seats = 1
    meeting.save()
    first = client.post(
        f"/{lang}/events/{meeting.slug}/register/", registration_data(), follow=True
    )
    second = client.post(
        f"/{lang}/events/{meeting.slug}/register/",
        registration_data(email="second@example.org"),
        follow=True,
    )

    assert confirmed_word in first.content.decode()
    assert waitlist_words in second.content.decode()


def test_registration_closes_at_once_when_the_organizer_closes_it(client, meeting):
    url = f"/en/events/{meeting.slug}/register/"
    assert client.post(url, registration_data()).status_code == 200  # its row is kept now
    meeting.registration_closes_at = timezone.now() - timedelta(minutes=1)
    meeting.save()

    page = client.get(url).content.decode()
    late = client.post(url, registration_data(email="late@example.org"))

    assert "Registration for this meeting is not open." in page
    assert "Registration for this meeting is not open." in late.content.decode()
    assert not meeting.registrations.filter(email="late@example.org").exists()


def test_a_meeting_back_in_draft_is_gone_from_the_form_at_once(client, meeting):
    url = f"/en/events/{meeting.slug}/register/"
    client.get(url)
    meeting.status = "draft"
    meeting.save()

    assert client.get(url).status_code == 404
    assert client.post(url, registration_data()).status_code == 404


def test_seats_are_counted_in_the_database_whatever_the_kept_meeting_says(client, meeting):
    url = f"/en/events/{meeting.slug}/register/"
    client.post(url, registration_data())  # the first of two on-site seats; the row is kept
    type(meeting).objects.filter(pk=meeting.pk).update(onsite_seats=1)  # no save, no signal

    client.post(url, registration_data(email="second@example.org"))

    second = meeting.registrations.get(email="second@example.org")
    assert (second.status, second.waitlist_position) == ("waitlisted", 1)


def test_registration_stores_consents_with_time_and_version(client, meeting):
    client.post(f"/en/events/{meeting.slug}/register/", registration_data(listing_consent="on"))

    registration = Registration.objects.get()
    assert registration.privacy_consent_at
    assert registration.privacy_consent_version
    assert registration.listing_consent_at
    assert registration.listing_consent_version
    assert registration.language == "en"


def test_registration_without_privacy_consent_is_refused_beside_the_field(client, meeting):
    data = registration_data()
    del data["privacy_consent"]
    response = client.post(f"/en/events/{meeting.slug}/register/", data)

    assert response.status_code == 200
    assert "Please agree to the privacy notice." in response.content.decode()
    assert not Registration.objects.exists()


def test_second_registration_with_same_address_gets_a_clear_message(client, meeting):
    register(meeting, "amina@example.org")
    response = client.post(
        f"/en/events/{meeting.slug}/register/", registration_data(email="AMINA@example.org")
    )
    assert "already registered" in response.content.decode()
    assert meeting.registrations.count() == 1


def test_register_form_suggests_centers_and_partners_and_leaves_listing_unticked(client, meeting):
    from centers.models import Center, State

    Center.objects.create(name="Welcome Center Thuringia", slug="wct", state=State.objects.first())
    response = client.get(f"/en/events/{meeting.slug}/register/")
    page = response.content.decode()

    assert '<option value="Welcome Center Thuringia">' in page
    assert 'name="listing_consent"' in page
    assert 'name="listing_consent" checked' not in page


def test_online_link_only_for_confirmed_participants(client, meeting):
    meeting.online_seats = 1
    meeting.save()
    confirmed = register(meeting, "a@example.org", "online")
    waitlisted = register(meeting, "b@example.org", "online")
    cancelled = RegistrationFactory(meeting=meeting, status="cancelled")

    def page(registration):
        return client.get(f"/en/events/invitation/{registration.token}/").content.decode()

    assert ONLINE_LINK in page(confirmed)
    assert ONLINE_LINK not in page(waitlisted)
    assert ONLINE_LINK not in page(cancelled)


def test_unknown_token_gives_a_friendly_404(client):
    response = client.get("/en/events/invitation/no-such-token/")
    assert response.status_code == 404
    assert "This personal link is unknown" in response.content.decode()


def test_participant_cancels_and_the_next_moves_up(client, meeting):
    meeting.onsite_seats = 1
    meeting.save()
    first = register(meeting, "a@example.org")
    second = register(meeting, "b@example.org")

    client.post(f"/en/events/invitation/{first.token}/cancel/", {"confirm": "yes"})

    second.refresh_from_db()
    assert second.status == "confirmed"
    assert Registration.objects.get(pk=first.pk).status == "cancelled"


def test_participant_switches_to_online(client, meeting):
    registration = register(meeting, "a@example.org")
    client.post(f"/en/events/invitation/{registration.token}/mode/", {"attendance_mode": "online"})
    registration.refresh_from_db()
    assert (registration.attendance_mode, registration.status) == ("online", "confirmed")


def test_participant_downloads_own_data_as_json(client, meeting):
    registration = register(meeting, "a@example.org", accessibility_needs="step-free access")
    response = client.get(f"/en/events/invitation/{registration.token}/data.json")
    data = json.loads(response.content)
    assert data["email"] == "a@example.org"
    assert data["accessibility_needs"] == "step-free access"
    assert data["privacy_consent"]["version"]


def test_withdrawing_privacy_consent_deletes_personal_data_and_frees_the_seat(client, meeting):
    meeting.onsite_seats = 1
    meeting.save()
    leaving = register(meeting, "a@example.org", name="Leaving Person")
    waiting = register(meeting, "b@example.org")
    old_link = f"/en/events/invitation/{leaving.token}/"

    client.post(f"{old_link}erase/")

    leaving.refresh_from_db()
    waiting.refresh_from_db()
    assert "Leaving Person" not in str(leaving.__dict__)
    assert waiting.status == "confirmed"
    response = client.get(old_link)
    assert response.status_code == 404
    assert "This personal link is unknown" in response.content.decode()


def test_confirmed_participant_page_shows_a_check_in_qr_code(client, meeting):
    registration = register(meeting, "a@example.org")
    page = client.get(f"/en/events/invitation/{registration.token}/").content.decode()
    qr = client.get(f"/en/events/invitation/{registration.token}/qr.svg")
    assert f"/en/events/invitation/{registration.token}/qr.svg" in page
    assert qr["Content-Type"] == "image/svg+xml"
    assert b'<svg xmlns="http://www.w3.org/2000/svg"' in qr.content


def test_invitation_only_meeting_explains_instead_of_showing_the_form(client, meeting):
    meeting.registration_mode = "invitation_only"
    meeting.save()
    response = client.get(f"/en/events/{meeting.slug}/register/")
    page = response.content.decode()
    assert "by invitation only" in page
    assert 'name="email"' not in page
    posted = client.post(f"/en/events/{meeting.slug}/register/", registration_data())
    assert posted.status_code == 200
    assert not Registration.objects.exists()


def test_a_past_invitation_only_meeting_says_it_has_taken_place(client, meeting):
    meeting.registration_mode = "invitation_only"
    meeting.starts_at = timezone.now() - timedelta(days=400)
    meeting.ends_at = meeting.starts_at + timedelta(days=1)
    meeting.save()

    page = client.get(f"/en/events/{meeting.slug}/register/").content.decode()

    assert "This event has taken place." in page
    assert "by invitation only" not in page


def test_personal_page_heads_the_cancelling_as_a_cancellation_in_german(client, meeting):
    registration = register(meeting, "anna@example.org")

    html = client.get(f"/de/events/invitation/{registration.token}/").content.decode()

    assert '<h2 class="kern-heading-medium">Stornierung</h2>' in html
    assert ">Abbrechen<" not in html  # "abort", the word of a form's cancel button
