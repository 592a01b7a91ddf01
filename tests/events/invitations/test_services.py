"""Inviting, answering, reminders and registration notices, with tasks run in-process."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import override

from events import services
from events.models import Invitation, OutboxMessage
from events.services import registration_cancel, registration_create
from events.services.invitees import Invitee, parse_list
from tests.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


def test_inviting_sends_one_mail_each_and_skips_repeats_and_people_already_invited(
    run_on_commit,
):
    meeting = MeetingFactory()
    Invitation.objects.create(meeting=meeting, email="old@example.org", status="sent")
    invitees = [Invitee("A@example.org"), Invitee("a@EXAMPLE.org"), Invitee("OLD@example.org")]

    created = run_on_commit(services.invitation_create_many, meeting=meeting, invitees=invitees)

    assert created == 1
    assert [m.to for m in mail.outbox] == [["A@example.org"]]
    assert meeting.invitations.get(email="A@example.org").status == "sent"


def test_a_list_with_a_bad_row_reports_the_line_and_yields_nothing_to_invite():
    invitees, errors = parse_list("Ada, ada@example.org, WC Erfurt, en\nBob, not-an-address\n")

    assert [i.email for i in invitees] == ["ada@example.org"]
    assert len(errors) == 1
    assert "2" in errors[0]


def test_a_list_mixing_commas_and_semicolons_reads_each_line_with_its_own_separator():
    pasted = (
        "Ada Lovelace; ada@example.org; WC Erfurt; en\n"
        "Bea Weber, bea@example.org, Goethe-Institut Lima, de\n"
        "Weber, Carl; carl@example.org; WC Jena\n"
        '"Lee, Kim", kim@example.org\n'
    )

    invitees, errors = parse_list(pasted)

    assert errors == []
    assert [(i.name, i.email, i.organisation) for i in invitees] == [
        ("Ada Lovelace", "ada@example.org", "WC Erfurt"),
        ("Bea Weber", "bea@example.org", "Goethe-Institut Lima"),
        ("Weber, Carl", "carl@example.org", "WC Jena"),
        ("Lee, Kim", "kim@example.org", ""),
    ]


def test_a_line_mixing_separators_puts_the_address_in_the_email_column_and_keeps_the_name():
    pasted = (
        "Ada Lovelace, ada@example.org, WC Erfurt\n"
        "Anna Beispiel, anna@example.org; Welcome Center Hamburg\n"
        "Beispiel, Bert; bert@example.org, Welcome Center Hamburg, en\n"
        "Beispiel, Carla, carla@example.org; Stadt Hamburg, Welcome Center; en\n"
        "Dora Weber\tdora@example.org; WC Jena\n"
        "Weber, Emil, emil@example.org\n"
    )

    invitees, errors = parse_list(pasted)

    assert errors == []
    assert [(i.name, i.email, i.organisation, i.language) for i in invitees] == [
        ("Ada Lovelace", "ada@example.org", "WC Erfurt", "de"),
        ("Anna Beispiel", "anna@example.org", "Welcome Center Hamburg", "de"),
        ("Beispiel, Bert", "bert@example.org", "Welcome Center Hamburg", "en"),
        ("Beispiel, Carla", "carla@example.org", "Stadt Hamburg, Welcome Center", "en"),
        ("Dora Weber", "dora@example.org", "WC Jena", "de"),
        ("Weber, Emil", "emil@example.org", "", "de"),
    ]


def test_a_mixed_line_without_a_valid_address_is_still_reported():
    with override("en"):
        invitees, errors = parse_list(
            "Ada, ada@example.org\nAnna Beispiel, anna@example; WC Hamburg\nBea; WC Hamburg\n"
        )

    assert [i.email for i in invitees] == ["ada@example.org"]
    assert errors == [
        "Line 2: “anna@example; WC Hamburg” is not an e-mail address.",
        "Line 3: The e-mail address is missing; separate the cells with commas, semicolons "
        "or tabs.",
    ]


def test_accepting_registers_with_the_invited_address_and_confirms_by_mail(run_on_commit):
    meeting = MeetingFactory(registration_mode="invitation_only")
    inv = Invitation.objects.create(meeting=meeting, email="ada@example.org", language="en")

    registration = run_on_commit(
        services.invitation_accept,
        invitation=inv,
        name="Ada",
        organisation="",
        attendance_mode="online",
        accessibility_needs="",
        privacy_consent=True,
        listing_consent=False,
    )

    inv.refresh_from_db()
    assert inv.status == "accepted"
    assert registration.email == "ada@example.org"
    (notice,) = mail.outbox
    assert notice.to == ["ada@example.org"]
    assert "Registration confirmed" in notice.subject
    assert meeting.online_link in notice.body  # confirmed online participants get the link


def test_cancelling_and_promotion_send_notices_through_the_outbox(run_on_commit):
    meeting = MeetingFactory(onsite_seats=1)
    first = run_on_commit(
        registration_create,
        meeting=meeting,
        name="A",
        email="a@example.org",
        attendance_mode="on_site",
        privacy_consent=True,
    )
    run_on_commit(
        registration_create,
        meeting=meeting,
        name="B",
        email="b@example.org",
        attendance_mode="on_site",
        privacy_consent=True,
    )
    run_on_commit(registration_cancel, registration=first)

    kinds = list(OutboxMessage.objects.values_list("email", "kind", "status"))
    assert kinds == [
        ("a@example.org", "confirmed", "sent"),
        ("b@example.org", "waitlisted", "sent"),
        ("a@example.org", "cancelled", "sent"),
        ("b@example.org", "promoted", "sent"),
    ]
    assert len(mail.outbox) == 4


def test_reminders_to_non_responders_are_at_most_two_and_never_repeated(run_on_commit):
    now = timezone.now()
    meeting = MeetingFactory(registration_closes_at=now + timedelta(days=10))
    silent = Invitation.objects.create(meeting=meeting, email="silent@example.org", status="sent")
    Invitation.objects.create(meeting=meeting, email="no@example.org", status="declined")
    Invitation.objects.create(meeting=meeting, email="reg@example.org", status="sent")
    RegistrationFactory(meeting=meeting, email="reg@example.org")

    for days_before in (9, 6, 6, 1, 1):  # INVITATION_REMINDER_DAYS = (7, 2)
        when = meeting.registration_closes_at - timedelta(days=days_before)
        run_on_commit(services.reminders_record_due, now=when)
    run_on_commit(services.invitation_remind_now, meeting=meeting)

    assert [m.to for m in mail.outbox] == [["silent@example.org"]] * 2
    assert silent.messages.count() == 2


def test_participants_are_reminded_once_before_the_meeting_online_link_only_online(
    run_on_commit,
):
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting, email="site@example.org", attendance_mode="on_site")
    RegistrationFactory(meeting=meeting, email="web@example.org", attendance_mode="online")
    RegistrationFactory(
        meeting=meeting, email="wait@example.org", status="waitlisted", waitlist_position=1
    )

    for _ in range(2):
        run_on_commit(services.reminders_record_due, now=meeting.starts_at - timedelta(days=1))

    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert sorted(bodies) == ["site@example.org", "web@example.org"]
    assert meeting.online_link in bodies["web@example.org"]
    assert meeting.online_link not in bodies["site@example.org"]


def test_resend_failed_gives_failed_invitations_another_round(run_on_commit):
    meeting = MeetingFactory()
    Invitation.objects.create(
        meeting=meeting,
        email="x@example.org",
        status="failed",
        attempts=8,
        last_error="550 No such user here",
    )

    assert run_on_commit(services.invitation_resend_failed, meeting=meeting) == 1
    assert meeting.invitations.get().status == "sent"
    assert len(mail.outbox) == 1


def test_purging_personal_data_also_blanks_invitations_and_their_e_mails(run_on_commit):
    from events.services import personal_data_purge

    meeting = MeetingFactory()
    run_on_commit(
        services.invitation_create_many,
        meeting=meeting,
        invitees=[Invitee("ada@example.org", "Ada")],
    )
    run_on_commit(services.invitation_remind_now, meeting=meeting)  # an e-mail on record
    later = meeting.ends_at + timedelta(days=meeting.retention_days + 1)

    personal_data_purge(now=later)

    inv = meeting.invitations.get()
    assert (inv.name, inv.status) == ("", "sent")
    assert inv.email.endswith("@invalid")
    assert not OutboxMessage.objects.exclude(email__endswith="@invalid").exists()
