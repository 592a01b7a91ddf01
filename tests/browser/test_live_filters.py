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
