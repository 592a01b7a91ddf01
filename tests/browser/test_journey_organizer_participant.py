"""Journey 3: an organizer invites, a participant registers onto the waiting list and moves up."""

import re

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from events.models import AttendanceMode, Meeting, Registration

from .harness import totp_code

pytestmark = pytest.mark.browser

ALICE = "alice.participant@example.org"
BOB = "bob.participant@example.org"


@pytest.fixture
def meeting_with_one_seat_left(settings, live_server):
    """The upcoming meeting, with exactly one on-site seat left; e-mail links to the live server."""
    settings.SITE_URL = live_server.url
    meeting = Meeting.objects.filter(onsite_seats__isnull=False).order_by("-starts_at").first()
    seated = meeting.registrations.filter(
        attendance_mode=AttendanceMode.ON_SITE, status__in=Registration.SEATED
    ).count()
    meeting.registrations.filter(status=Registration.Status.WAITLISTED).delete()
    meeting.onsite_seats = seated + 1
    meeting.save(update_fields=["onsite_seats"])
    return meeting


def link_in_mail(to: str, pattern: str) -> str:
    for message in reversed(mail.outbox):
        if to in message.to and (found := re.search(pattern, message.body)):
            return found.group(0)
    sent = [(m.to, m.subject) for m in mail.outbox]
    pytest.fail(f"no e-mail to {to} with a link like {pattern}; sent: {sent}")


def organizer_logs_in(visitor, meeting):
    page = visitor.page
    visitor.open(f"/en/events/{meeting.slug}/manage/")
    visitor.fill(page.get_by_label("Email"), "organizer@example.org")
    visitor.fill(page.get_by_label("Password", exact=True), settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visitor.fill(page.get_by_label(re.compile("code", re.I)).first, totp_code())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert visitor.path == f"/en/events/{meeting.slug}/manage/"
    visitor.check("organizer-dashboard")


def organizer_adds_a_participant(visitor):
    page = visitor.page
    visitor.follow(page.get_by_role("link", name="Add a participant"))
    visitor.follow(page.get_by_role("button", name="Add", exact=True))
    expect(page.locator("#form-errors")).to_be_visible()
    visitor.check("organizer-add-participant-errors")
    visitor.fill(page.get_by_label("Name", exact=True), "Bob Participant")
    visitor.fill(page.get_by_label("E-mail address"), BOB)
    visitor.tab_to(page.get_by_label("on site"))
    page.keyboard.press("Space")
    # The dashboard is in English; Bob reads German, so his e-mails go out in German.
    # Tab enters a radio group at its checked button (English); the arrow keys choose.
    visitor.tab_to(page.get_by_label("English", exact=True))
    page.keyboard.press("ArrowUp")
    expect(page.get_by_label("German", exact=True)).to_be_checked()
    visitor.follow(page.get_by_role("button", name="Add", exact=True))
    expect(page.get_by_role("status").first).to_contain_text("Bob Participant is registered")


def organizer_invites(visitor, meeting):
    page = visitor.page
    pages = page.get_by_role("navigation", name="Organizer pages")
    visitor.follow(pages.get_by_role("link", name="Invitations"))
    assert visitor.path == f"/en/events/{meeting.slug}/manage/invitations/"
    visitor.check("organizer-invitations")
    visitor.fill(
        page.get_by_label("List of people"),
        f"Alice Participant, {ALICE}, Goethe-Institut Montevideo, en",
    )
    visitor.follow(page.get_by_role("button", name="Preview"))
    expect(page.get_by_role("table", name="1 address")).to_contain_text(ALICE)
    visitor.check("organizer-invitations-preview")
    visitor.follow(page.get_by_role("button", name="Send 1 invitation"))
    expect(page.get_by_role("status").first).to_contain_text("invitations are being sent")
    visitor.check("organizer-invitations-sent")


def participant_registers(visitor, accept_link):
    page = visitor.page
    page.goto(accept_link)
    visitor.check("invitation-accept")
    visitor.follow(page.get_by_role("button", name="Register"))
    expect(page.locator("#form-errors")).to_be_visible()
    visitor.check("invitation-accept-errors")
    visitor.tab_to(page.get_by_label("on site"))
    page.keyboard.press("Space")
    visitor.tab_to(page.get_by_label("I agree to the privacy notice."))
    page.keyboard.press("Space")
    visitor.follow(page.get_by_role("button", name="Register"))
    expect(page.get_by_role("status").first).to_contain_text("waiting list, position 1")
    visitor.check("personal-page-waitlisted")


def test_a_cancellation_promotes_the_invited_participant_from_the_waiting_list(
    visitor, second_visitor, meeting_with_one_seat_left
):
    meeting = meeting_with_one_seat_left
    organizer_logs_in(visitor, meeting)
    organizer_adds_a_participant(visitor)
    organizer_invites(visitor, meeting)

    alice = second_visitor
    participant_registers(alice, link_in_mail(ALICE, r"http://\S+/invitation/\S+/accept/"))

    # Bob, who took the last seat, cancels through the personal link of his (German) e-mail.
    bob = visitor
    bob.page.goto(link_in_mail(BOB, r"http://\S+/events/invitation/[^/\s]+/"))
    expect(bob.page.get_by_role("status").first).to_contain_text("bestätigt")
    bob.check("personal-page-confirmed")
    with bob.page.expect_navigation():
        bob.activate(bob.page.locator("form[action$='/cancel/'] button"))
    with bob.page.expect_navigation():  # the question "cancel your registration?" first
        bob.activate(bob.page.get_by_role("button", name="Ja, Anmeldung stornieren"))
    expect(bob.page.get_by_role("status").first).to_contain_text("storniert")

    alice.page.reload()
    expect(alice.page.get_by_role("status").first).to_contain_text("confirmed")
    link_in_mail(ALICE, r"http://\S+/events/invitation/[^/\s]+/")
