"""Rules that several places need, each defined once: every place follows the same one."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from icalendar import Calendar

from centers.models import Center
from events.calendar import meeting_calendar
from events.forms import InviteForm
from events.models import Invitation, Registration
from events.outbox.messages import build_message
from events.services.invitees import parse_list
from events.services.participants_import import parse_participants
from tests.factories import (
    CenterFactory,
    CooperationFactory,
    MeetingFactory,
    OutboxMessageFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
LINK = "https://video.example.org/room-42"


def mail_text(registration) -> str:
    message = build_message(OutboxMessageFactory(registration=registration, kind="confirmed"))
    return message.body + message.alternatives[0][0]


@pytest.mark.parametrize(
    ("mode", "status", "sees_it"),
    [
        ("online", "confirmed", True),
        ("online", "attended", True),
        ("on_site", "confirmed", False),
        ("online", "waitlisted", False),
    ],
)
def test_the_online_link_shows_on_the_page_exactly_when_the_e_mail_has_it(
    client, mode, status, sees_it
):
    meeting = MeetingFactory(online_link=LINK)
    position = 1 if status == "waitlisted" else None
    registration = RegistrationFactory(
        meeting=meeting, attendance_mode=mode, status=status, waitlist_position=position
    )

    page = client.get(registration.get_absolute_url()).content.decode()

    assert (LINK in page) is sees_it
    assert (LINK in mail_text(registration)) is sees_it


def test_a_temporarily_closed_center_is_active_in_the_directory_and_the_invitations(client):
    meeting = MeetingFactory()
    paused = CenterFactory(
        name="Paused Center", email="paused@example.org", status=Center.Status.TEMPORARILY_CLOSED
    )
    closed = CenterFactory(
        name="Closed Center", email="closed@example.org", status=Center.Status.CLOSED
    )

    directory = client.get("/en/centers/").content.decode()
    form = InviteForm(data={"all_centers": "on"}, meeting=meeting, user=UserFactory())
    assert form.is_valid(), form.errors
    invited = {invitee.center_id for invitee in form.invitees}

    assert paused.name in directory
    assert closed.name not in directory
    assert paused.pk in invited
    assert closed.pk not in invited
    assert set(form.fields["centers"].queryset) == set(Center.objects.active().exclude(email=""))


def test_a_temporarily_closed_center_counts_on_the_states_page_and_beside_cooperations(client):
    paused = CenterFactory(name="Paused Center", status=Center.Status.TEMPORARILY_CLOSED)
    closed = CenterFactory(name="Closed Center", status=Center.Status.CLOSED, state=paused.state)
    partner = CooperationFactory(center=paused).partner
    CooperationFactory(center=closed, partner=partner)

    states = client.get("/en/regions/").context["object_list"]
    partner_page = client.get(partner.get_absolute_url()).content.decode()

    assert states.get(pk=paused.state_id).center_count == 1
    assert "Paused Center" in partner_page
    assert "Closed Center" not in partner_page


def test_the_download_and_the_e_mail_attachment_carry_the_same_calendar_entries(client):
    meeting = MeetingFactory()
    SessionFactory.create_batch(2, meeting=meeting)
    registration = RegistrationFactory(meeting=meeting)

    download = client.get(reverse("events:calendar", args=[meeting.slug])).content
    message = build_message(OutboxMessageFactory(registration=registration))
    (attachment,) = [content for _name, content, _type in message.attachments]

    def uids(data: bytes) -> set[str]:
        return {str(event["uid"]) for event in Calendar.from_ical(data).walk("VEVENT")}

    assert uids(download) == uids(attachment) == uids(meeting_calendar(meeting))
    assert all("127.0.0.1:" not in uid for uid in uids(download))


SPREADSHEET_PASTE = "Max Muster\tmax@gmail.com\tWelcome Center Hessen\ten\n"
HEADERLESS = "Max Muster; max@gmail.com; Welcome Center Hessen; en\n"


@pytest.mark.parametrize("text", [SPREADSHEET_PASTE, HEADERLESS])
def test_both_list_readers_take_a_tab_separated_or_headerless_paste(text):
    meeting = MeetingFactory(format="on_site")

    invitees, errors = parse_list(text)
    rows = parse_participants(text.replace("\ten", "\t").replace("; en", "; "), meeting=meeting)

    assert errors == []
    assert [(i.name, i.email, i.organisation, i.language) for i in invitees] == [
        ("Max Muster", "max@gmail.com", "Welcome Center Hessen", "en")
    ]
    assert [(r.name, r.email, r.errors) for r in rows] == [("Max Muster", "max@gmail.com", [])]


def test_both_list_readers_skip_a_header_and_name_the_bad_line():
    meeting = MeetingFactory(format="on_site")
    text = "Name,E-Mail,Organisation\nAda,ada@example.org,\nBea,not-an-address,\n"

    invitees, errors = parse_list(text)
    rows = parse_participants(text, meeting=meeting)

    assert [i.email for i in invitees] == ["ada@example.org"]
    assert errors == ["Line 3: “not-an-address” is not an e-mail address."]
    assert [(r.line, r.errors) for r in rows] == [
        (2, []),
        (3, ["“not-an-address” is not an e-mail address."]),
    ]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_unknown_invitation_link_gets_the_friendly_page(client, lang):
    for name in ("invitation_accept", "invitation_decline"):
        url = reverse(f"events:{name}", args=["no-such-token"])
        response = client.get(f"/{lang}/{url[4:]}")

        assert response.status_code == 404
        assert 'class="kern-heading-x-large"' in response.content.decode()
        assert response.templates[0].name == "events/unknown_token.html"
    assert not Invitation.objects.exists()


def manage_routes(patterns=None, prefix=""):
    """Every URL pattern of the resolver whose route has a `manage/` part."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                yield from manage_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and "manage/" in str(pattern.pattern):
            yield pattern, prefix + str(pattern.pattern)


def test_an_organizer_without_a_second_factor_is_sent_to_set_it_up_on_every_manage_url(client):
    meeting = MeetingFactory()
    registration = RegistrationFactory(meeting=meeting)
    organizer = UserFactory(role="Organizers")
    meeting.organizers.add(organizer)
    client.force_login(organizer)
    values = {"slug": meeting.slug, "pk": registration.pk, "token": registration.token}
    routes = list(manage_routes())

    assert len(routes) >= 10
    for pattern, route in routes:
        kwargs = {name: values[name] for name in pattern.pattern.converters}
        url = reverse(f"events:{pattern.name}", kwargs=kwargs).replace("/en/", "/de/")
        response = client.get(url)

        assert response.status_code == 302, route
        assert response["Location"] == reverse("mfa_activate_totp"), route
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
