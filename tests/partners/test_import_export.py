"""Spreadsheet import and export of partners through the admin: preview, all or nothing."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from partners.models import Partner
from partners.resources import PartnerResource
from partners.seed import seed_partners

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/partners/partner/import/"
CONFIRM_URL = "/admin/partners/partner/process_import/"
EXPORT_URL = "/admin/partners/partner/export/"
CSV, XLSX = 0, 1
HEADER = "slug,name,kind,parent,country,city,latitude,longitude,topics,status\n"
VALID = (
    HEADER
    + "goethe-institut,Goethe-Institut,goethe-institut,,DE,München,48.1447,11.5752,,active\n"
    + "goethe-institut-hanoi,Goethe-Institut Hanoi,goethe-institut,goethe-institut,VN,Hanoi,"
    + "21.0278,105.8342,language-learning|feg,active\n"
)


def upload(client, content: bytes, name="partners.csv", fmt=CSV):
    file = SimpleUploadedFile(name, content)
    return client.post(IMPORT_URL, {"import_file": file, "format": fmt}, HTTP_ACCEPT_LANGUAGE="en")


def confirm(client, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    return client.post(CONFIRM_URL, data, HTTP_ACCEPT_LANGUAGE="en")


def snapshot() -> list[tuple]:
    """Every exported field, relations by their slugs: what a round trip must keep."""
    names = [
        {"kind": "kind__slug", "parent": "parent__slug"}.get(name, name)
        for name in PartnerResource.Meta.fields
        if name != "topics"
    ]
    rows = Partner.objects.order_by("slug").values_list("pk", *names)
    topics = {
        p.pk: sorted(t.slug for t in p.topics.all())
        for p in Partner.objects.prefetch_related("topics")
    }
    return [(*row[1:], topics[row[0]]) for row in rows]


def test_a_file_with_bad_rows_imports_nothing_and_lists_each_row_with_its_reason(staff_client):
    content = VALID + (
        "bad-kind,Bad Kind,no-such-kind,,VN,Hanoi,,,,active\n"
        "bad-place,Bad Place,goethe-institut,,ZZ,Hanoi,95,0,no-such-topic,active\n"
    )
    preview = upload(staff_client, content.encode())
    html = preview.content.decode()
    result = preview.context["result"]
    assert [row.number for row in result.invalid_rows] == [3, 4]
    # every error names the valid values
    assert "Unknown partner kind “no-such-kind”. Valid values: chamber," in html
    assert "Unknown topic: no-such-topic. Valid values: family, feg," in html
    assert "“ZZ” is not a valid value. Valid values are 249 codes such as DE," in html
    assert "less than or equal to 90" in html
    assert preview.context.get("confirm_form") is None
    assert not Partner.objects.exists()


def test_applying_a_file_with_a_bad_row_rolls_everything_back():
    content = VALID + "bad-kind,Bad Kind,no-such-kind,,VN,Hanoi,,,,active\n"
    result = PartnerResource().import_data(tablib.Dataset().load(content, format="csv"))
    assert result.has_validation_errors()
    assert not Partner.objects.exists()


def test_a_valid_file_imports_after_the_preview_and_again_changes_nothing(staff_client):
    preview = upload(staff_client, VALID.encode())
    assert [row.import_type for row in preview.context["result"].valid_rows()] == ["new", "new"]
    assert not Partner.objects.exists()  # the preview writes nothing
    assert confirm(staff_client, preview).status_code == 302
    hanoi = Partner.objects.get(slug="goethe-institut-hanoi")
    assert hanoi.parent.slug == "goethe-institut"
    assert {t.slug for t in hanoi.topics.all()} == {"language-learning", "feg"}
    before, history = snapshot(), Partner.history.count()

    again = upload(staff_client, VALID.encode())
    assert [row.import_type for row in again.context["result"].valid_rows()] == ["skip", "skip"]
    confirm(staff_client, again)
    assert snapshot() == before
    assert Partner.history.count() == history


def export(client, fmt: int) -> bytes:
    form = client.get(EXPORT_URL).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial}
    data["format"] = fmt
    response = client.post(EXPORT_URL, data)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize(("fmt", "name"), [(CSV, "export.csv"), (XLSX, "export.xlsx")])
def test_the_export_reimports_to_the_same_data(staff_client, fmt, name):
    seed_partners(scale=1, centers=[])
    before = snapshot()
    content = export(staff_client, fmt)
    Partner.objects.filter(parent__isnull=False).delete()  # branches first: parent is PROTECTed
    Partner.objects.all().delete()

    preview = upload(staff_client, content, name=name, fmt=fmt)
    assert not preview.context["result"].has_validation_errors()
    assert confirm(staff_client, preview).status_code == 302
    assert snapshot() == before
