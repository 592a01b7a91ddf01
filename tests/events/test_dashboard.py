"""The organizer's dashboard: who may see it, imports, status moves, exports, check-in, copy."""

import io

import pytest

from events.models import Meeting, Registration
from tests.factories import MeetingFactory, RegistrationFactory, SessionFactory, UserFactory

from .conftest import register

pytestmark = pytest.mark.django_db


def manage_url(meeting, rest=""):
    return f"/en/events/{meeting.slug}/manage/{rest}"


def test_anonymous_visitors_are_sent_to_the_login(client, meeting):
    response = client.get(manage_url(meeting))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_organizer_of_another_meeting_gets_403(client, meeting):
    other_organizer = UserFactory()
    MeetingFactory().organizers.add(other_organizer)
    client.force_login(other_organizer)

    assert client.get(manage_url(meeting)).status_code == 403
    assert client.get(manage_url(meeting, "export.csv")).status_code == 403


def test_organizer_and_agency_staff_see_counts_and_participants(
    client, meeting, organizer, staff_user
):
    register(meeting, "a@example.org", name="Amina Yusuf")
    for user in (organizer, staff_user):
        client.force_login(user)
        page = client.get(manage_url(meeting)).content.decode()
        assert "Amina Yusuf" in page
        assert "1 / 2" in page  # seats left on site


def test_filter_by_status_and_search(client, meeting, organizer):
    RegistrationFactory(meeting=meeting, name="Kept Person", status="confirmed")
    RegistrationFactory(meeting=meeting, name="Gone Person", status="cancelled")
    client.force_login(organizer)

    page = client.get(manage_url(meeting), {"status": "confirmed", "q": "kept"}).content.decode()

    assert "Kept Person" in page
    assert "Gone Person" not in page


def test_csv_paste_with_a_bad_row_writes_nothing_and_lists_the_row(client, meeting, organizer):
    register(meeting, "taken@example.org")
    client.force_login(organizer)
    text = (
        "name,email,organisation,attendance\n"
        "Good Person,good@example.org,Goethe-Institut Lagos,online\n"
        "Bad Person,not-an-address,,online\n"
        "Again,TAKEN@example.org,,on_site\n"
        "Twice,good@example.org,,online\n"
    )

    response = client.post(manage_url(meeting, "import/"), {"text": text, "confirm": "1"})
    page = response.content.decode()

    assert meeting.registrations.count() == 1
    assert "nothing was added" in page
    assert "is not an e-mail address" in page
    assert "Already registered." in page
    assert "Appears twice in the list." in page


def test_csv_upload_previews_then_adds_everyone_under_capacity_rules(client, meeting, organizer):
    client.force_login(organizer)
    upload = io.BytesIO(
        b"A,a@example.org,,on_site\nB,b@example.org,,on_site\nC,c@example.org,,on_site\n"
    )
    upload.name = "people.csv"

    preview = client.post(manage_url(meeting, "import/"), {"file": upload})
    assert "Preview: 3 participants are ready" in preview.content.decode()
    assert meeting.registrations.count() == 0

    text = preview.context["text"]
    client.post(manage_url(meeting, "import/"), {"text": text, "confirm": "1"})

    assert list(meeting.registrations.order_by("pk").values_list("status", flat=True)) == [
        "confirmed",
        "confirmed",
        "waitlisted",
    ]


def test_status_move_to_cancelled_promotes_the_waitlisted(client, meeting, organizer):
    first = register(meeting, "a@example.org")
    register(meeting, "b@example.org")
    waiting = register(meeting, "c@example.org")
    client.force_login(organizer)

    client.post(manage_url(meeting, f"registrations/{first.pk}/status/"), {"status": "cancelled"})

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_copy_as_next_year_keeps_structure_but_no_participants(client, meeting, organizer):
    SessionFactory.create_batch(2, meeting=meeting)
    register(meeting, "a@example.org")
    client.force_login(organizer)

    client.post(manage_url(meeting, "copy/"))

    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    assert copy.status == "draft"
    assert copy.year == meeting.year + 1
    assert copy.starts_at.year == meeting.starts_at.year + 1
    assert (copy.onsite_seats, copy.online_seats) == (meeting.onsite_seats, meeting.online_seats)
    assert list(copy.organizers.all()) == [organizer]
    assert copy.sessions.count() == 2
    assert not Registration.objects.filter(meeting=copy).exists()


def test_unknown_filter_values_and_unreadable_uploads_never_give_a_server_error(
    client, meeting, organizer
):
    client.force_login(organizer)
    filtered = client.get(manage_url(meeting), {"status": "bogus", "organisation_kind": "x:y"})
    upload = io.BytesIO(b"\xff\xfe\x00garbage")
    upload.name = "people.csv"
    uploaded = client.post(manage_url(meeting, "import/"), {"file": upload})
    quoted = client.post(
        manage_url(meeting, "import/"), {"text": 'A,"a@example.org\n', "confirm": "1"}
    )

    assert filtered.status_code == 200
    assert uploaded.status_code == 200
    assert quoted.status_code == 200
    assert meeting.registrations.count() == 0


@pytest.mark.parametrize(
    ("language", "subject"), [("en", "Registration confirmed"), ("de", "Anmeldung bestätigt")]
)
def test_a_participant_added_by_the_organizer_gets_mail_in_the_chosen_language(
    client, meeting, organizer, language, subject
):
    """The dashboard is in English here; the person's e-mails follow the language chosen."""
    from events.models import OutboxMessage
    from events.outbox.messages import build_message

    client.force_login(organizer)
    client.post(
        manage_url(meeting, "add/"),
        {
            "name": "Ana Lima",
            "email": "ana@example.org",
            "attendance_mode": "on_site",
            "language": language,
        },
    )
    registration = meeting.registrations.get()
    assert registration.language == language
    notice = OutboxMessage.objects.get(registration=registration)
    assert build_message(notice).subject.startswith(subject)


def test_a_status_change_keeps_the_filter(client, meeting, organizer):
    registration = register(meeting, "a@example.org")
    client.force_login(organizer)

    response = client.post(
        manage_url(meeting, f"registrations/{registration.pk}/status/"),
        {"status": "cancelled", "filter": "status=confirmed&attendance_mode=on_site&evil=x"},
    )

    assert response["Location"] == (
        f"/en/events/{meeting.slug}/manage/?status=confirmed&attendance_mode=on_site"
    )


def test_bulk_add_says_who_goes_onto_the_waiting_list_before_and_after(client, meeting, organizer):
    register(meeting, "first@example.org")  # one of the two on-site seats is taken
    client.force_login(organizer)
    text = "\n".join(f"Person {n},p{n}@example.org,,on_site" for n in range(3))

    preview = client.post(manage_url(meeting, "import/"), {"text": text}).content.decode()
    assert "1 get a seat, 2 go onto the waiting list." in preview
    assert "waiting list, position 2" in preview
    done = client.post(manage_url(meeting, "import/"), {"text": text, "confirm": "1"}, follow=True)

    assert "3 participants added: 1 confirmed, 2 on the waiting list." in done.content.decode()
    assert meeting.registrations.filter(status="waitlisted").count() == 2
