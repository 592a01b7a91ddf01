"""Journeys of issue 15 at 1280 and 360 px, keyboard only:

- the organizer of two meetings logs in, lands on My meetings, opens the dashboard, previews
  invitations to a pasted list and a country's Goethe-Institut branches (a branch without an
  address named, a registered person marked), checks a participant in by camera (Chromium's
  fake camera plays a video of the person's QR code) and downloads the name badges;
- a participant registers for a full on-site mode, reads the waiting list first and switches
  to online through the link in her e-mail; then asks for her lost link again.
"""

import io
import re

import pytest
import segno
from django.conf import settings
from django.core import mail
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from events.links import absolute
from events.models import AttendanceMode, Meeting, Registration
from partners.models import Partner
from tests.conftest import CHROMIUM

from .conftest import CHROMIUM_ARGS
from .harness import VIEWPORTS, RequestRecorder, Visitor, totp_code

pytestmark = pytest.mark.browser

CAROLA = "carola.participant@example.org"


ACCRA = "goethe-institut-accra"  # a Goethe-Institut branch of the demo data, in Ghana


def upcoming_meeting() -> Meeting:
    return Meeting.objects.filter(onsite_seats__isnull=False).order_by("-starts_at").first()


def write_y4m(path, text: str, frames: int = 10) -> None:
    """A short 640 x 480 video (YUV4MPEG2, 4:2:0) of the QR code of `text` on white."""
    code = segno.make(text, error="m")
    qr = Image.new("L", (code.symbol_size(scale=1)[0],) * 2, 255)
    for y, row in enumerate(code.matrix_iter(scale=1, border=4)):
        for x, dark in enumerate(row):
            if dark:
                qr.putpixel((x, y), 0)
    frame = Image.new("L", (640, 480), 255)
    frame.paste(qr.resize((400, 400), Image.NEAREST), (120, 40))
    luma = frame.tobytes()
    chroma = bytes([128]) * (320 * 240)
    with open(path, "wb") as out:
        out.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(frames):
            out.write(b"FRAME\n" + luma + chroma + chroma)


@pytest.fixture(params=list(VIEWPORTS), ids=lambda width: f"{width}px")
def door(request, chromium, live_server, demo_data, tmp_path, settings):
    """The organizer's phone: a Chromium whose camera shows a confirmed person's QR code."""
    settings.SITE_URL = live_server.url
    meeting = upcoming_meeting()
    person = meeting.registrations.filter(status=Registration.Status.CONFIRMED).first()
    checkin_url = absolute(
        reverse("events:manage_checkin_person", args=[meeting.slug, person.checkin_token])
    )
    video = tmp_path / "qr.y4m"
    write_y4m(video, checkin_url)
    browser = chromium.browser_type.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="en-GB")
    context.grant_permissions(["camera"], origin=live_server.url)
    context.set_default_timeout(10_000)
    recorder = RequestRecorder(live_server.url)
    context.route("**/*", recorder.handle)
    visitor = Visitor(context.new_page(), live_server.url, request.param, recorder)
    yield visitor, meeting, person
    context.close()
    browser.close()
    recorder.assert_only_live_server()


def test_organizer_checks_in_by_camera_and_prints_badges(door):
    visitor, meeting, person = door
    page = visitor.page
    organizer = meeting.organizers.get(email="organizer@example.org")
    Meeting.objects.exclude(pk=meeting.pk).first().organizers.add(organizer)  # last year's
    visitor.open("/en/")
    visitor.follow(visitor.nav_link("Log in"))
    visitor.fill(page.get_by_label("Email"), "organizer@example.org")
    visitor.fill(page.get_by_label("Password", exact=True), settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visitor.fill(page.get_by_label(re.compile("code", re.I)).first, totp_code())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # After login the organizer lands on their tool: My meetings, as they organize two.
    assert visitor.path == "/en/events/manage/"
    expect(visitor.nav_link("My meetings")).to_have_attribute("aria-current", "page")
    visitor.check("issue15-my-meetings")
    visitor.follow(page.get_by_role("link", name=meeting.title_en))
    assert visitor.path == f"/en/events/{meeting.slug}/manage/"
    visitor.check("issue15-dashboard")

    pages = page.get_by_role("navigation", name="Organizer pages")
    visitor.follow(pages.get_by_role("link", name="Invitations"))
    visitor.check("issue15-invitations")
    Partner.objects.filter(slug=ACCRA).update(email="")
    visitor.fill(
        page.get_by_label("List of people"),
        f"{person.name}, {person.email.upper()}\nNew Person, new.person@example.org",
    )
    visitor.choose(page.get_by_label("Goethe-Institut branches in these countries"), "Ghana")
    visitor.follow(page.get_by_role("button", name="Preview"))
    expect(page.get_by_role("status").filter(has_text="Not invited")).to_contain_text(
        "Goethe-Institut Accra: no e-mail address in the directory — not invited"
    )
    expect(page.get_by_role("table", name="2 addresses")).to_contain_text(
        "already registered \u2013 not invited"
    )
    expect(page.get_by_role("button", name="Send 1 invitation")).to_be_visible()
    visitor.check("issue15-invitations-preview")

    pages = page.get_by_role("navigation", name="Organizer pages")
    visitor.follow(pages.get_by_role("link", name="Check-in"))
    visitor.check("issue15-checkin")
    with page.expect_navigation():
        visitor.activate(page.get_by_role("button", name="Scan"))
    answer = page.locator("#checkin-answer")
    expect(answer).to_contain_text(person.name)
    expect(answer).to_contain_text(re.compile(r"checked in \d\d:\d\d"))
    visitor.check("issue15-checkin-scanned")
    person.refresh_from_db()
    assert person.status == Registration.Status.ATTENDED

    visitor.follow(
        page.get_by_role("navigation", name="Organizer pages").get_by_role(
            "link", name="Participants"
        )
    )
    visitor.tab_to(page.get_by_role("button", name="Name badges (PDF)"))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    with open(download.value.path(), "rb") as pdf:
        sheets = PdfReader(io.BytesIO(pdf.read())).pages
    text = " ".join(sheet.extract_text() for sheet in sheets)
    assert person.name in " ".join(text.split())


def test_participant_on_a_full_mode_sees_the_waiting_list_switches_online_and_asks_for_the_link(
    visitor, settings, live_server
):
    settings.SITE_URL = live_server.url
    meeting = upcoming_meeting()
    seated = meeting.registrations.filter(
        attendance_mode=AttendanceMode.ON_SITE, status__in=Registration.SEATED
    ).count()
    meeting.onsite_seats = seated
    meeting.save(update_fields=["onsite_seats"])
    page = visitor.page

    visitor.open(f"/en/events/{meeting.slug}/register/")
    expect(page.get_by_label(re.compile("on site: fully booked"))).to_be_visible()
    visitor.fill(page.get_by_label("Name", exact=True), "Carola Participant")
    visitor.fill(page.get_by_label("E-mail address"), CAROLA)
    visitor.tab_to(page.get_by_label(re.compile("^on site")))
    page.keyboard.press("Space")
    visitor.tab_to(page.get_by_label(re.compile("I agree that my data")))
    page.keyboard.press("Space")
    visitor.follow(page.get_by_role("button", name="Register", exact=True))
    status = page.get_by_role("status").first
    expect(status).to_contain_text("You are on the waiting list, position")
    expect(page.get_by_text(re.compile("still free online"))).to_be_visible()
    assert not page.locator("a[href*='/events/invitation/']").count()
    visitor.check("issue15-answer-waitlisted")

    link = next(
        re.search(r"http://\S+/events/invitation/[^/\s]+/", m.body)[0]
        for m in reversed(mail.outbox)
        if CAROLA in m.to
    )
    page.goto(link)
    with page.expect_navigation():
        visitor.activate(page.get_by_role("button", name="Attend online instead"))
    expect(page.get_by_text("Your attendance is changed.")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Status:")).to_contain_text("confirmed")
    assert Registration.objects.get(email=CAROLA).attendance_mode == AttendanceMode.ONLINE
    visitor.check("issue15-personal-online")

    count = len(mail.outbox)
    visitor.open(f"/en/events/{meeting.slug}/")
    expect(page.locator("dl")).to_contain_text(re.compile(r"open until .+ \(Berlin time\)"))
    visitor.follow(page.get_by_role("link", name="Send me my personal link again"))
    visitor.fill(page.get_by_label("Your e-mail address"), CAROLA.upper())
    visitor.follow(page.get_by_role("button", name="Send the link"))
    expect(page.get_by_role("status").first).to_contain_text("an e-mail with the personal link")
    visitor.check("issue15-link-again")
    assert [m.to for m in mail.outbox[count:]] == [[CAROLA]]
