"""The page frame by keyboard: the skip link and the legal pages."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(visitor):
    page = visitor.page
    visitor.open("/en/imprint/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    visitor.check("imprint")
    for legal_page in ("accessibility", "privacy"):
        visitor.follow(
            page.get_by_role("contentinfo").get_by_role("link", name=re.compile(legal_page, re.I))
        )
        assert visitor.path == f"/en/{legal_page}/"
        visitor.check(legal_page)


def test_meeting_pages_and_the_public_registration_form_with_errors(visitor):
    page = visitor.page
    visitor.open("/en/")
    visitor.follow(visitor.nav_link("Events"))
    visitor.check("meetings")
    meeting = page.locator("main a[href*='/events/federal-meeting-20']").first
    visitor.follow(meeting)
    visitor.check("meeting")
    visitor.follow(page.get_by_role("link", name="Register"))
    visitor.follow(page.get_by_role("button", name="Register"))
    summary = page.locator("#form-errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # a screen reader starts with what went wrong
    expect(page.get_by_label("E-mail address")).to_have_attribute("aria-invalid", "true")
    visitor.check("meeting-register-errors")
    to_email = summary.get_by_role("link", name=re.compile("^E-mail address: "))
    visitor.tab_to(to_email)
    page.keyboard.press("Enter")
    expect(page.get_by_label("E-mail address")).to_be_in_viewport()
    assert page.evaluate("location.hash") == "#id_email"


def test_the_navigation_folds_behind_menu_on_a_phone_and_opens_by_keyboard(visitor):
    page = visitor.page
    visitor.open("/en/")
    events = visitor.nav_link("Events")
    menu = page.locator("summary", has_text="Menu")
    if visitor.viewport == "1280":
        expect(events).to_be_visible()
        expect(menu).to_be_hidden()
        return
    expect(events).to_be_hidden()
    visitor.activate(menu)
    expect(events).to_be_visible()
    expect(events).to_be_in_viewport()
    visitor.check("menu-open")
    visitor.follow(events)
    assert visitor.path == "/en/events/"


def test_escape_folds_the_phone_menu_and_gives_the_focus_back(visitor):
    page = visitor.page
    visitor.open("/en/")
    menu = page.locator("summary", has_text="Menu")
    partners = visitor.nav_link("Partners")
    if visitor.viewport != "1280":
        visitor.activate(menu)
    visitor.tab_to(partners)

    page.keyboard.press("Escape")

    if visitor.viewport == "1280":  # the navigation is always shown there: Escape leaves it
        expect(partners).to_be_visible()
        expect(partners).to_be_focused()
        return
    expect(partners).to_be_hidden()
    expect(menu).to_be_focused()


@pytest.mark.parametrize(("width", "shown"), [(1280, True), (390, False)])
def test_without_javascript_the_navigation_shows_on_wide_screens_and_folds_on_a_phone(
    chromium, live_server, demo_data, width, shown
):
    context = chromium.new_context(
        viewport={"width": width, "height": 844}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/en/")
        partners = page.locator("nav.site-nav").get_by_role(
            "link", name="Partners", include_hidden=True
        )
        expect(partners).to_be_visible(visible=shown)
        if not shown:
            page.locator("summary", has_text="Menu").click()
            expect(partners).to_be_visible()
    finally:
        context.close()
