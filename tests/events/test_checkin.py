"""Check-in at the door: the QR code carries a check-in token of its own, the answers."""

import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import zxingcpp
from django.contrib.staticfiles import finders
from django.test import override_settings
from PIL import Image

from .conftest import register

pytestmark = pytest.mark.django_db

SVG_NS = "http://www.w3.org/2000/svg"


def checkin_url(meeting, rest=""):
    return f"/en/events/{meeting.slug}/manage/check-in/{rest}"


def svg_to_image(svg: bytes) -> Image.Image:
    """Paint segno's SVG path (M/m moves, h runs of dark modules) into a bitmap, one pixel a
    module, as a browser would draw it; a real decoder then reads that bitmap."""
    root = ET.fromstring(svg)
    width, height = int(float(root.get("width"))), int(float(root.get("height")))
    [path] = (p for p in root.iter(f"{{{SVG_NS}}}path") if p.get("class") == "qrline")
    match = re.search(r"scale\(([\d.]+)\)", svg.decode())
    scale = float(match[1]) if match else 1.0
    size = (round(width / scale), round(height / scale))
    image = Image.new("L", size, 255)
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?", path.get("d")):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            for col in range(int(float(a))):
                image.putpixel((int(x) + col, int(y)), 0)
            x += float(a)
    return image.resize((size[0] * 8, size[1] * 8), Image.NEAREST)


@override_settings(SITE_URL="https://portal.example.org")
def test_qr_code_is_a_valid_svg_that_decodes_to_the_check_in_url_not_the_personal_token(
    client, meeting
):
    registration = register(meeting, "a@example.org", name="Amina Yusuf")

    response = client.get(f"/en/events/invitation/{registration.token}/qr.svg")

    assert response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert float(root.get("width")) > 0
    [decoded] = zxingcpp.read_barcodes(svg_to_image(response.content))
    assert decoded.text == (
        f"https://portal.example.org/en/events/{meeting.slug}/manage/check-in/"
        f"{registration.checkin_token}/"
    )
    assert registration.token not in decoded.text
    assert registration.checkin_token != registration.token


def test_check_in_token_opens_nothing_without_an_organizer_session(client, meeting):
    registration = register(meeting, "a@example.org")
    token = registration.checkin_token

    assert client.get(f"/en/events/invitation/{token}/").status_code == 404
    assert client.get(f"/en/events/invitation/{token}/data.json").status_code == 404
    response = client.get(checkin_url(meeting, f"{token}/"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.post(f"/en/events/invitation/{token}/cancel/")
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_personal_token_is_not_a_check_in_code(client, meeting, organizer):
    registration = register(meeting, "a@example.org", name="Amina Yusuf")
    client.force_login(organizer)

    response = client.get(checkin_url(meeting, f"{registration.token}/"))

    assert response.status_code == 404
    assert "not registered for this meeting" in response.content.decode()


def test_opened_code_shows_the_person_and_checks_in_on_the_button(client, meeting, organizer):
    registration = register(meeting, "a@example.org", name="Jonas Weber")
    client.force_login(organizer)

    page = client.get(checkin_url(meeting, f"{registration.checkin_token}/")).content.decode()
    assert "Check in <bdi>Jonas Weber</bdi>" in page
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # opening the link writes nothing

    page = client.post(checkin_url(meeting), {"token": registration.checkin_token})
    registration.refresh_from_db()
    assert registration.status == "attended"
    assert re.search(r"Jonas Weber</bdi></p><p[^>]*>checked in \d\d:\d\d", page.content.decode())


def test_second_scan_says_already_checked_in_at_the_first_time(client, meeting, organizer):
    registration = register(meeting, "a@example.org", name="Jonas Weber")
    client.force_login(organizer)
    client.post(checkin_url(meeting), {"token": registration.checkin_token})
    registration.refresh_from_db()

    page = client.post(checkin_url(meeting), {"token": registration.checkin_token})

    first = registration.attended_at.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M")
    assert f"already checked in at {first}" in page.content.decode()


def test_waitlisted_person_is_not_checked_in(client, meeting, organizer):
    register(meeting, "a@example.org")
    register(meeting, "b@example.org")
    waiting = register(meeting, "c@example.org", name="Chen Li")
    client.force_login(organizer)

    page = client.post(checkin_url(meeting), {"token": waiting.checkin_token}).content.decode()

    assert "Chen Li" in page
    assert "on the waiting list (position 1): not checked in" in page
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_code_of_another_meeting_is_not_registered_for_this_one(client, meeting, organizer):
    from tests.factories import MeetingFactory

    other = register(MeetingFactory(), "a@example.org")
    client.force_login(organizer)

    for data in ({"token": other.checkin_token}, {"pk": str(other.pk)}, {"pk": "²"}, {}):
        page = client.post(checkin_url(meeting), data)
        assert page.status_code == 200
        assert "not registered for this meeting" in page.content.decode()
    other.refresh_from_db()
    assert other.status == "confirmed"


def test_search_by_name_checks_in_without_javascript(client, meeting, organizer):
    registration = register(meeting, "a@example.org", name="Amina Yusuf")
    client.force_login(organizer)

    page = client.get(checkin_url(meeting), {"q": "amina"}).content.decode()
    assert "Check in Amina Yusuf" in page
    assert "optional" not in page
    client.post(checkin_url(meeting), {"pk": registration.pk})

    registration.refresh_from_db()
    assert registration.status == "attended"


def test_check_in_page_serves_the_scanner_from_the_portal(client, meeting, organizer):
    client.force_login(organizer)

    page = client.get(checkin_url(meeting)).content.decode()

    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert "/static/jsqr/jsQR.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)
    assert finders.find("jsqr/jsQR.js")  # from node_modules, as KERN is
