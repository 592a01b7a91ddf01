"""The hours editor (week grid, copy Monday, closures, error summary) in the form and the admin."""

import datetime
import re
from html.parser import HTMLParser

import pytest

from centers.models import Closure, OpeningHours
from tests.factories import CenterFactory, OpeningHoursFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org")


@pytest.fixture
def center(editor):
    center = CenterFactory(name="Own Center")
    center.editors.add(editor)
    return center


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


class FormValues(HTMLParser):
    """What a browser would post for the page's form: inputs, selects, textareas."""

    def __init__(self):
        super().__init__()
        self.values: list[tuple[str, str]] = []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values.append((name, attrs.get("value") or ("on" if "checked" in attrs else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.values.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            name, value = self.values.pop()
            self.values.append((name, value + data.lstrip("\n")))


def form_of(response, **changes) -> dict:
    parser = FormValues()
    parser.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in parser.values:
        data.setdefault(name, []).append(value)
    data.pop("csrfmiddlewaretoken", None)
    data.update({name: [value] for name, value in changes.items()})
    return data


def edit_url(center):
    return f"/en/centers/{center.slug}/edit/"


def test_week_grid_saves_one_or_two_ranges_a_day_and_closed_days(editor_client, center):
    OpeningHoursFactory(center=center, weekday=6, opens="10:00", closes="12:00")
    data = form_of(
        editor_client.get(edit_url(center)),
        **{
            "hours-0-opens_1": "9",
            "hours-0-closes_1": "12:00",
            "hours-0-opens_2": "13.00",
            "hours-0-closes_2": "1600",
            "hours-4-opens_1": "09:00",
            "hours-4-closes_1": "13:00",
            "hours-4-note_de": "nur nach Vereinbarung",
            "hours-4-note_en": "by appointment only",
            "hours-6-opens_1": "",
            "hours-6-closes_1": "",
        },
    )
    response = editor_client.post(edit_url(center), data)
    assert response.status_code == 302
    rows = [
        (h.weekday, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}", h.notes_en)
        for h in OpeningHours.objects.filter(center=center)
    ]
    assert rows == [
        (0, "09:00", "12:00", ""),
        (0, "13:00", "16:00", ""),
        (4, "09:00", "13:00", "by appointment only"),
    ]
    # The form shows the stored times as HH:MM.
    html = editor_client.get(edit_url(center)).content.decode()
    assert 'name="hours-0-opens_2" value="13:00"' in html


def test_copy_monday_fills_tuesday_to_friday_and_saves_nothing_yet(editor_client, center):
    data = form_of(
        editor_client.get(edit_url(center)),
        **{
            "hours-0-opens_1": "08:30",
            "hours-0-closes_1": "12:00",
            "hours-0-opens_2": "13:00",
            "hours-0-closes_2": "15:30",
            "hours-5-opens_1": "10:00",
            "hours-5-closes_1": "12:00",
            "hours-copy": "monday",
        },
    )
    response = editor_client.post(edit_url(center), data)
    assert response.status_code == 200
    html = response.content.decode()
    copied = "Monday\N{RIGHT SINGLE QUOTATION MARK}s hours are copied to Tuesday to Friday."
    assert f"{copied} Check them and save." in html
    for day in range(1, 5):
        assert f'name="hours-{day}-opens_1" value="08:30"' in html
        assert f'name="hours-{day}-closes_2" value="15:30"' in html
    assert 'name="hours-5-opens_1" value="10:00"' in html  # Saturday stays as it was
    assert 'name="hours-6-opens_1" value=""' in html
    assert not OpeningHours.objects.filter(center=center).exists()
    center.refresh_from_db()
    assert center.last_verified_at is None

    # Saving the copied week stores it.
    data = form_of(response)
    assert editor_client.post(edit_url(center), data).status_code == 302
    assert OpeningHours.objects.filter(center=center).count() == 11


def test_invalid_save_sums_up_the_errors_with_links_to_the_fields(editor_client, center):
    data = form_of(
        editor_client.get(edit_url(center)),
        **{
            "postal_code": "12",
            "hours-4-opens_1": "09:00",
            "hours-4-closes_1": "08:00",
            "hours-2-opens_1": "25:00",
            "hours-3-opens_1": "09:00",
            "hours-3-closes_1": "14:00",
            "hours-3-opens_2": "13:00",
            "hours-3-closes_2": "16:00",
            "closures-0-starts_on": "2026-12-26",
            "closures-0-ends_on": "2026-12-24",
        },
    )
    response = editor_client.post(edit_url(center), data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(r'<div[^>]*id="form-errors".*?</ul>', html, re.S).group(0)
    assert "autofocus" in summary
    assert 'tabindex="-1"' in summary
    links = dict(re.findall(r'<a class="kern-link" href="#([^"]+)">([^<]+)</a>', summary))
    assert links["id_postal_code"] == "Postal code: Five digits, e.g. 99084."
    assert links["id_hours-4-closes_1"] == (
        "Friday, first range, to: The closing time must be after the opening time."
    )
    assert (
        links["id_hours-2-opens_1"] == "Wednesday, first range, from: Enter a time such as 09:00."
    )
    assert links["id_hours-3-opens_2"] == (
        "Thursday, second range, from: The second range must begin after the first one ends."
    )
    assert links["id_closures-0-ends_on"] == (
        "Closure 1, Last day: The last day must not be before the first."
    )
    # Each link leads to a field that says it is invalid and why.
    for field_id in links:
        assert re.search(rf'id="{re.escape(field_id)}"[^>]*aria-invalid="true"', html) or (
            re.search(rf'aria-invalid="true"[^>]*id="{re.escape(field_id)}"', html)
        )
    assert not OpeningHours.objects.filter(center=center).exists()
    assert not Closure.objects.filter(center=center).exists()


def test_summary_in_german(client, editor, center):
    client.force_login(editor)
    url = f"/de/centers/{center.slug}/edit/"
    data = form_of(client.get(url), **{"hours-4-opens_1": "09:00"})
    html = client.post(url, data).content.decode()
    assert "Bitte korrigieren Sie die markierten Felder." in html
    assert "Freitag, erster Zeitraum, bis: Bitte geben Sie auch die Schließzeit ein." in html


def test_closure_with_one_day_and_a_note_is_saved(editor_client, center):
    data = form_of(
        editor_client.get(edit_url(center)),
        **{"closures-0-starts_on": "2026-12-24", "closures-0-note_en": "Christmas Eve"},
    )
    assert editor_client.post(edit_url(center), data).status_code == 302
    closure = Closure.objects.get(center=center)
    assert closure.starts_on == closure.ends_on == datetime.date(2026, 12, 24)
    assert closure.note_en == "Christmas Eve"


@pytest.mark.parametrize(
    "value", ["x" * 10_000, "09:00\x00", "=1+1", "09:00,10:00", "-1", "24:00", "   "]
)
def test_odd_times_get_a_message_never_a_server_error(editor_client, center, value):
    data = form_of(editor_client.get(edit_url(center)), **{"hours-0-opens_1": value})
    response = editor_client.post(edit_url(center), data)
    if value.strip():
        assert response.status_code == 200
        assert "Enter a time such as 09:00." in response.content.decode()
    else:  # blank is a closed day
        assert response.status_code == 302


@pytest.fixture
def staff_client(client):
    user = StaffFactory(is_superuser=True)
    client.force_login(user)
    return client


def test_admin_has_the_same_week_grid_and_saves_it_with_a_closure(staff_client, center):
    OpeningHoursFactory(center=center, weekday=0, opens="09:00", closes="16:00")
    url = f"/admin/centers/center/{center.pk}/change/"
    page = staff_client.get(url)
    html = page.content.decode()
    assert 'name="opening_hours-0-opens_1" value="09:00"' in html  # HH:MM, no seconds
    assert "Montag auf Dienstag bis Freitag übertragen" in html  # the admin speaks German
    data = form_of(
        page,
        **{
            "opening_hours-4-opens_1": "10:00",
            "opening_hours-4-closes_1": "14:00",
            "closures-TOTAL_FORMS": "1",
            "closures-0-starts_on": "2026-12-24",
            "closures-0-ends_on": "2026-12-26",
            "closures-0-note_en": "Christmas break",
            "_continue": "1",
        },
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert [(h.weekday, f"{h.opens:%H:%M}") for h in center.opening_hours.all()] == [
        (0, "09:00"),
        (4, "10:00"),
    ]
    assert center.closures.get().note_en == "Christmas break"


def test_admin_copy_button_copies_without_saving(staff_client, center):
    OpeningHoursFactory(center=center, weekday=0, opens="09:00", closes="16:00")
    url = f"/admin/centers/center/{center.pk}/change/"
    data = form_of(staff_client.get(url), **{"opening_hours-copy": "monday"})
    response = staff_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="opening_hours-3-opens_1" value="09:00"' in html
    assert "errornote" not in html  # nothing is wrong: the week waits to be checked and saved
    assert center.opening_hours.count() == 1
