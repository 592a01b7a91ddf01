"""Journey: a center's editor on a phone (360 px) keeps the opening hours, by keyboard only."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from centers.models import Center

from .conftest import _visitor
from .harness import ADMIN_UPSTREAM_FAULTS, assert_accessible
from .test_journey_agency_staff import log_in_with_totp

pytestmark = pytest.mark.browser
EDIT = "/en/centers/welcome-center-thuringia/edit/"


@pytest.fixture
def phone_visitor(chromium, live_server, demo_data):
    context, person = _visitor(chromium, live_server, "360")
    yield person
    context.close()
    person.recorder.assert_only_live_server()


def type_into(visitor, field, text: str):
    """Tab to a field far down a long form, clear it and type."""
    visitor.tab_to(field, max_tabs=300)
    visitor.page.keyboard.press("Control+A")
    visitor.page.keyboard.press("Delete")
    visitor.page.keyboard.type(text)


def test_editor_fixes_fridays_hours_through_the_error_summary(phone_visitor):
    visitor, page = phone_visitor, phone_visitor.page
    visitor.open(EDIT)
    assert visitor.path.startswith("/accounts/login/")
    visitor.fill(page.get_by_label("Email"), "editor@example.org")
    visitor.fill(page.get_by_label("Password", exact=True), settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert visitor.path == EDIT
    friday = page.get_by_role("group", name="Friday")
    expect(friday.get_by_label("Friday, first range: to")).to_have_value("12:00")
    visitor.check("center-hours-editor")

    # Friday: open until 13:00, and again in the afternoon; the afternoon starts too early.
    type_into(visitor, friday.get_by_label("Friday, first range: to"), "13:00")
    type_into(visitor, friday.get_by_label("Friday, second range: from"), "12:30")
    type_into(visitor, friday.get_by_label("Friday, second range: to"), "15:00")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in a field saves (it does not copy Monday)
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    link = summary.get_by_role("link", name=re.compile("^Friday, second range, from:"))
    expect(link).to_contain_text("The second range must begin after the first one ends.")
    visitor.check("center-hours-editor-errors")

    # The summary's link leads to the field; the editor corrects it and saves.
    visitor.activate(link)
    field = friday.get_by_label("Friday, second range: from")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    page.keyboard.press("Control+A")
    page.keyboard.type("14:00")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert visitor.path == "/en/centers/welcome-center-thuringia/"
    expect(page.get_by_role("status").first).to_contain_text("The entry is saved")
    hours = page.get_by_role("table", name=re.compile("Opening hours"))
    expect(hours.get_by_role("row", name=re.compile("Friday"))).to_contain_text(
        "09:00\N{EN DASH}13:00, 14:00\N{EN DASH}15:00"
    )
    visitor.check("center-page-after-hours-edit")
    center = Center.objects.get(slug="welcome-center-thuringia")
    assert [f"{h.opens:%H:%M}" for h in center.opening_hours.filter(weekday=4)] == [
        "09:00",
        "14:00",
    ]


def test_copy_monday_with_javascript_fills_the_weekdays_at_once(phone_visitor):
    visitor, page = phone_visitor, phone_visitor.page
    visitor.open(EDIT)
    visitor.fill(page.get_by_label("Email"), "editor@example.org")
    visitor.fill(page.get_by_label("Password", exact=True), settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    type_into(visitor, page.get_by_label("Monday, first range: from"), "08:00")
    visitor.activate(page.get_by_role("button", name="Copy Monday to all weekdays"))
    for day in ("Tuesday", "Wednesday", "Thursday", "Friday"):
        expect(page.get_by_label(f"{day}, first range: from")).to_have_value("08:00")
    expect(page.get_by_label("Saturday, first range: from")).to_have_value("")
    expect(page.locator("[data-copy-status]")).to_contain_text("copied to Tuesday to Friday")
    assert visitor.path == EDIT  # no round trip


@pytest.fixture
def desk_visitor(chromium, live_server, demo_data):
    context, person = _visitor(chromium, live_server, "1280")
    yield person
    context.close()
    person.recorder.assert_only_live_server()


def test_agency_staff_find_the_same_week_grid_in_the_admin(desk_visitor):
    visitor, page = desk_visitor, desk_visitor.page
    log_in_with_totp(visitor)
    center = Center.objects.get(slug="welcome-center-thuringia")
    visitor.open(f"/admin/centers/center/{center.pk}/change/")
    grid = page.locator("#opening_hours-group")
    expect(grid.get_by_label("Monday, first range: from")).to_have_value("09:00")
    expect(page.locator("input[name='closures-0-note_en']")).to_have_value("Christmas break")
    assert grid.evaluate("el => el.getBoundingClientRect().right") <= 1280
    # axe over the hours and closures; the contact persons' inline is another part's.
    assert_accessible(page, exclude=[*ADMIN_UPSTREAM_FAULTS, "#contacts-group"])
    visitor.screenshot("admin-center-hours")
