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
