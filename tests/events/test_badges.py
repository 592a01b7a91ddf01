"""Name badges: a PDF of the confirmed participants of the chosen mode, with their codes."""

import io

import pytest
from pypdf import PdfReader

from .conftest import register

pytestmark = pytest.mark.django_db


def page_text(pdf: bytes) -> str:
    """The text a PDF reader finds on the pages (pypdf maps the embedded font's glyphs back
    to their letters, as a reader's search and copy do), with line breaks read as spaces: a
    long name wraps on its badge."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def badges(client, meeting, **params):
    return client.get(f"/en/events/{meeting.slug}/manage/badges.pdf", params)


def test_badges_are_a_pdf_of_the_confirmed_participants_of_the_chosen_mode(
    client, meeting, organizer
):
    register(meeting, "a@example.org", name="Jonas Weber", organisation="Welcome Center Hessen")
    register(meeting, "b@example.org", name="Łucja Nowak")
    register(meeting, "c@example.org", name="Waiting Person")  # on-site full: waiting list
    register(meeting, "d@example.org", "online", name="Online Person")
    client.force_login(organizer)

    response = badges(client, meeting, mode="on_site", layout="single")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    body = page_text(response.content)
    assert "Jonas Weber" in body
    assert "Welcome Center Hessen" in body
    assert "Łucja Nowak" in body
    assert "Waiting Person" not in body
    assert "Online Person" not in body


NAMES = ["Łucja Wąsowska", "Đặng Thị Hồng", "Zoë Ørsted", "Ğülşen"]


def test_badges_print_names_beyond_latin_1_letter_for_letter(client, meeting, organizer):
    meeting.onsite_seats = None
    meeting.save()
    for n, name in enumerate(NAMES):
        register(meeting, f"u{n}@example.org", name=name, organisation="Şirket Ltd. \u2013 İzmir")
    client.force_login(organizer)

    body = page_text(badges(client, meeting, layout="sheet").content)

    for name in NAMES:
        assert name in body
    assert "Şirket Ltd. \u2013 İzmir" in body


def test_a_sheet_holds_eight_badges_and_a_bad_choice_still_gives_a_pdf(client, meeting, organizer):
    meeting.onsite_seats = None
    meeting.save()
    for n in range(9):
        register(meeting, f"p{n}@example.org", name=f"Person {n}")
    client.force_login(organizer)

    sheets = badges(client, meeting, layout="sheet").content
    singles = badges(client, meeting, layout="single").content
    odd = badges(client, meeting, mode="nonsense\x00", layout="=1+1")

    assert sheets.count(b"/Type /Page") - sheets.count(b"/Type /Pages") == 2
    assert singles.count(b"/Type /Page") - singles.count(b"/Type /Pages") == 9
    assert odd.status_code == 200
    assert odd.content.startswith(b"%PDF")


def test_dashboard_links_the_badges(client, meeting, organizer):
    client.force_login(organizer)
    page = client.get(f"/en/events/{meeting.slug}/manage/").content.decode()
    assert f'action="/en/events/{meeting.slug}/manage/badges.pdf"' in page


def test_others_get_no_badges(client, meeting):
    assert badges(client, meeting).status_code == 302
