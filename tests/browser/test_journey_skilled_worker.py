"""Journey 1: a skilled worker, in English, finds the Welcome Center for Munich by keyboard."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def option(page, select_label: str, start: str) -> str:
    labels = page.get_by_label(select_label).locator("option").all_inner_texts()
    label = next(text.strip() for text in labels if text.startswith(start))
    assert re.search(r"\(\d+\)$", label), label
    return label


def test_skilled_worker_finds_the_munich_center_and_reads_it_in_german(visitor):
    page = visitor.page
    visitor.open("/")
    assert visitor.path == "/en/"
    visitor.check("home")

    visitor.follow(visitor.nav_link("Find a Welcome Center"))
    assert visitor.path == "/en/centers/"
    visitor.check("center-directory")

    # One box for the place (and topics); the other filters fold away on a phone.
    visitor.fill(page.get_by_label("Town, postal code or topic"), "Munich")
    if page.locator("[data-finder-filters]").get_attribute("open") is None:
        visitor.activate(page.get_by_text("Filter by federal state, service and language"))
    # Each option says how many centers it finds: "Turkish (6)".
    visitor.choose(page.get_by_label("Service"), option(page, "Service", "Recognition"))
    visitor.choose(
        page.get_by_label("Consultation language"), option(page, "Consultation", "Turkish")
    )
    visitor.activate(page.get_by_role("button", name="Show centers"))
    page.wait_for_url(re.compile(r"q=Munich.*service=recognition.*language=tr"))
    results = page.locator(".center-list > li")
    expect(results.first).to_contain_text("Welcome Center Bavaria")
    expect(results.first).to_contain_text("Responsible for Bavaria")
    expect(page.locator(".center-answer")).to_have_text(
        "For Munich, Welcome Center Bavaria is responsible."
    )
    expect(page.get_by_role("list", name="Active filters")).to_contain_text("Turkish")
    visitor.check("center-directory-filtered")

    # The map is an extra: its tiles come from another host, so only once the visitor asks.
    assert visitor.recorder.tiles == []
    visitor.show_map()
    expect(page.locator("[data-map-canvas] .leaflet-marker-icon").first).to_be_visible()
    expect(page.locator("[data-map-canvas] img.leaflet-tile-loaded").first).to_be_attached()
    assert visitor.recorder.tiles, "the map requested no tiles"
    visitor.check("center-directory-map")

    visitor.follow(results.first.get_by_role("link", name="Welcome Center Bavaria"))
    assert visitor.path.startswith("/en/centers/welcome-center-bavaria/?from=")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome Center Bavaria")
    expect(page.get_by_role("link", name="Back to your search")).to_have_attribute(
        "href", re.compile(r"^/en/centers/\?q=Munich&service=recognition&language=tr")
    )
    hours = page.get_by_role("table", name=re.compile("Opening hours"))
    expect(hours.get_by_role("row", name=re.compile("Monday"))).to_contain_text(
        "09:00\N{EN DASH}12:00"
    )
    contact = page.get_by_role("region", name="Address and contact")
    visitor.tab_to(contact.get_by_role("link", name="info@welcome-center-bavaria.example.org"))
    visitor.tab_to(contact.get_by_role("link", name="Save contact (vCard)"))
    visitor.check("center-page")

    visitor.follow(page.get_by_role("link", name=re.compile("^DE")))
    assert visitor.path.startswith("/de/centers/welcome-center-bavaria/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome Center Bayern")
    expect(page.get_by_role("heading", name="Öffnungszeiten")).to_be_visible()
    visitor.check("center-page-de")
