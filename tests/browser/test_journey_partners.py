"""Journey: someone abroad finds the Goethe-Institut nearest to them; a visitor reads the page
in Leichte Sprache and reports a barrier, by keyboard."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from feedback.models import BarrierReport

pytestmark = pytest.mark.browser


def test_someone_in_mumbai_finds_the_goethe_institut_in_india(visitor):
    page = visitor.page
    visitor.open("/en/partners/")
    visitor.check("partner-directory")
    # Typed into the search, the list follows without a page load (htmx).
    visitor.fill(page.get_by_label("Search"), "Mumbai")
    cards = page.locator("ol.partner-results > li")
    expect(cards.first).to_contain_text("Goethe-Institut New Delhi")
    expect(page.locator(".partner-answer")).to_have_text(
        "For Mumbai: the partners in India come first, then the nearest."
    )
    expect(page.get_by_role("list", name="Active filters")).to_contain_text("Search: Mumbai")
    assert re.search(r"q=Mumbai", visitor.path)
    visitor.check("partner-directory-abroad")

    visitor.follow(cards.first.get_by_role("link", name="Goethe-Institut New Delhi"))
    assert visitor.path == "/en/partners/goethe-institut-new-delhi/"
    visitor.tab_to(page.get_by_role("link", name="info-new-delhi@goethe-institut.example"))
    expect(
        page.get_by_text("Demo data: the address, phone number and e-mail are examples.")
    ).to_be_visible()
    visitor.check("partner-page")

    visitor.open("/de/partners/?q=Nepal")
    expect(page.locator(".partner-answer")).to_contain_text("Für Nepal gibt es noch keinen Partner")
    expect(page.locator("ol.partner-results > li").first).to_contain_text("Goethe-Institut Dhaka")
    visitor.check("partner-directory-nearest-de")


def test_a_visitor_reads_leichte_sprache_and_reports_a_barrier(visitor):
    page = visitor.page
    visitor.open("/de/")
    visitor.follow(page.get_by_role("link", name="Leichte Sprache"))
    assert visitor.path == "/de/leichte-sprache/"
    visitor.check("leichte-sprache")

    visitor.follow(page.get_by_role("link", name="Barriere\u2011Freiheit"))
    assert visitor.path == "/de/accessibility/"
    visitor.fill(
        page.get_by_label("Was hat für Sie nicht funktioniert?"), "Die Karte ist zu klein."
    )
    visitor.fill(page.get_by_label("Ihre E-Mail-Adresse"), "ana@example.net")
    visitor.check("accessibility-form")
    visitor.follow(page.get_by_role("button", name="Barriere melden"))
    assert visitor.path == "/de/accessibility/report/thanks/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Meldung")
    visitor.check("barrier-report-thanks")
    report = BarrierReport.objects.get()
    assert report.email == "ana@example.net"
    assert report.mailed_at is not None
    assert any("Die Karte ist zu klein." in m.body for m in mail.outbox)
