"""Live filtering as people use it: the option counts follow the list, the choice and the focus
stay where the visitor left them."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "select", "label", "other", "gone"),
    [
        ("/en/centers/", "Consultation language", "Turkish (6)", "#id_state", "Berlin (1)"),
        ("/en/partners/", "Country", "Germany (6)", "#id_kind", "Goethe-Institut (45)"),
    ],
)
def test_choosing_an_option_updates_the_other_counts_and_keeps_choice_and_focus(
    visitor, path, select, label, other, gone
):
    page = visitor.page
    visitor.open(path)
    options = page.locator(f"{other} option")
    expect(options.filter(has_text=gone)).to_have_count(1)
    chosen = page.get_by_label(select)
    visitor.choose(chosen, label)
    page.wait_for_url(re.compile(r"(language|country)="))
    expect(options.filter(has_text=gone)).to_have_count(0)  # fresh counts, without a reload
    expect(chosen).to_be_focused()
    assert chosen.evaluate("el => el.selectedOptions[0].textContent.trim()") == label


@pytest.mark.parametrize(
    ("path", "select", "label", "query"),
    [
        ("/en/centers/", "Federal state", "Saxony", "state=DE-SN"),
        ("/en/partners/", "Country", "Germany", "country=DE"),
    ],
)
def test_after_live_filtering_the_language_switch_keeps_the_filters_and_nothing_is_blocked(
    visitor, path, select, label, query
):
    page = visitor.page
    refused = []
    page.on("console", lambda message: message.type == "error" and refused.append(message.text))
    visitor.open(path)
    chosen = page.get_by_label(select)
    option = chosen.locator("option", has_text=re.compile(rf"^\s*{label} \(")).first
    visitor.choose(chosen, option.text_content().strip())
    page.wait_for_url(re.compile(query))

    german = page.locator("#site-lang a[hreflang='de']")
    expect(german).to_have_attribute("href", re.compile(rf"^/de{path[3:]}\?.*{query}"))
    visitor.tab_to(german)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/de{path[3:]}\?.*{query}"))
    expect(page.get_by_label(re.compile("Bundesland|Land"))).to_have_value(query.split("=")[1])
    assert refused == []  # the Content-Security-Policy blocked nothing (htmx's own styles)
