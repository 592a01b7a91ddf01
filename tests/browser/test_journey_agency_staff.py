"""Journey 2: agency staff log in with TOTP, add a Goethe-Institut branch, import a bad file."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from partners.models import Partner

from .harness import totp_code

pytestmark = pytest.mark.browser

BRANCH = "Goethe-Institut Montevideo"
BAD_IMPORT = (
    "slug,name,kind,parent,country,city,latitude,longitude,topics,status\n"
    "goethe-institut-asuncion,Goethe-Institut Asunción,goethe-institut,goethe-institut,PY,"
    "Asunción,-25.2637,-57.5759,language-learning,active\n"
    "goethe-institut-nowhere,Goethe-Institut Nowhere,no-such-kind,goethe-institut,ZZ,"
    "Nowhere,,,,active\n"
)


def log_in_with_totp(visitor):
    page = visitor.page
    visitor.open("/admin/")
    assert visitor.path.startswith("/accounts/login/")
    visitor.fill(page.get_by_label("Email"), "staff@example.org")
    visitor.fill(page.get_by_label("Password", exact=True), "not-the-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("not correct")
    visitor.check("login-errors")
    visitor.fill(page.get_by_label("Password", exact=True), settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert visitor.path.startswith("/accounts/2fa/authenticate/")
    visitor.check("login-second-factor")
    visitor.fill(page.get_by_label(re.compile("code", re.I)).first, totp_code())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert visitor.path == "/admin/"


def add_branch_in_the_admin(visitor):
    page = visitor.page
    visitor.check("admin-index")
    visitor.follow(page.locator('a[href="/admin/partners/partner/add/"]'))
    visitor.follow(page.get_by_role("button", name="Save", exact=True), max_tabs=200)
    expect(page.locator(".errornote")).to_be_visible()
    visitor.check("admin-partner-form-errors")

    visitor.fill(page.get_by_label("Name:"), BRANCH)
    visitor.choose(page.get_by_label("Kind:"), "Goethe-Institut")
    visitor.choose(page.get_by_label("Location type:"), "institute")
    visitor.choose(page.get_by_label("Country:"), "Uruguay")
    visitor.fill(page.get_by_label("City:"), "Montevideo")
    visitor.fill(page.get_by_label("Latitude:"), "-34.9011")
    visitor.fill(page.get_by_label("Longitude:"), "-56.1645")
    visitor.follow(page.get_by_role("button", name="Save", exact=True), max_tabs=200)
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    visitor.check("admin-partner-list")


def find_branch_in_the_directory(visitor):
    page = visitor.page
    visitor.open("/en/partners/")
    visitor.fill(page.get_by_label("Search"), "Montevideo")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".partner-results")).to_contain_text(BRANCH)
    markers = page.locator("#map-markers").text_content()
    assert BRANCH in markers, "the new branch is missing from the map list"
    visitor.check("partner-directory-filtered")
    visitor.follow(page.get_by_role("link", name=BRANCH))
    expect(page.get_by_role("heading", level=1)).to_have_text(BRANCH)
    visitor.check("partner-page")


def import_a_file_with_a_bad_row(visitor, tmp_path):
    page = visitor.page
    csv_file = tmp_path / "partners.csv"
    csv_file.write_text(BAD_IMPORT, encoding="utf-8")
    before = Partner.objects.count()
    visitor.open("/admin/partners/partner/")
    visitor.follow(page.get_by_role("link", name="Import"))
    visitor.check("admin-import")
    # The operating system's file dialog is outside the page: reach the field by Tab, then
    # hand the file over as that dialog would.
    visitor.tab_to(page.get_by_label(re.compile("File to import"))).set_input_files(csv_file)
    visitor.choose(page.get_by_label(re.compile("Format")), "csv")
    visitor.follow(page.get_by_role("button", name="Submit"))
    expect(page.locator(".import-summary")).to_contain_text("1 with errors")
    bad_row = page.locator("table.import-rows tbody tr")
    expect(bad_row).to_have_count(1)
    expect(bad_row.locator("td").first).to_have_text("3")  # the spreadsheet's row; 1 is the header
    expect(bad_row.get_by_text("Unknown partner kind “no-such-kind”")).to_be_visible()
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
    assert Partner.objects.count() == before
    visitor.check("admin-import-errors")


def test_agency_staff_add_a_branch_and_a_bad_import_changes_nothing(visitor, tmp_path):
    log_in_with_totp(visitor)
    add_branch_in_the_admin(visitor)
    find_branch_in_the_directory(visitor)
    import_a_file_with_a_bad_row(visitor, tmp_path)
