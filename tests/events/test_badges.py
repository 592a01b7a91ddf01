"""Name badges: a PDF of the confirmed participants of the chosen mode, with their codes."""

import re
import zlib

import pytest

from .conftest import register

pytestmark = pytest.mark.django_db


def page_text(pdf: bytes) -> bytes:
    """The PDF's content streams inflated: the text drawn on the pages, as PDF strings."""
    streams = re.findall(rb"stream\n(.*?)\nendstream", pdf, re.S)
    return b"".join(zlib.decompress(s) if s[:1] == b"x" else s for s in streams)


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
    assert b"Jonas Weber" in body
    assert b"Welcome Center Hessen" in body
    assert b"Lucja Nowak" in body  # written without the accent the core font lacks
    assert b"Waiting Person" not in body
    assert b"Online Person" not in body


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
