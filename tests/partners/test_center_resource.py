"""Centers import and export with the same rules as partners (centers/resources.py)."""

import pytest
import tablib
from allauth.mfa.totp.internal.auth import TOTP
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from centers.models import Center
from centers.resources import CenterResource
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _load(content: str):
    return tablib.Dataset().load(content, format="csv")


def test_center_export_reimports_unchanged_and_a_bad_state_imports_nothing(center):
    exported = CenterResource().export(Center.objects.all())
    again = CenterResource().import_data(exported)
    assert not again.has_validation_errors()
    assert not again.has_errors()
    assert [row.import_type for row in again.rows] == ["skip"]

    content = (
        "slug,name,state,city\n"
        "welcome-center-north,Welcome Center North,DE-SH,Kiel\n"
        "welcome-center-nowhere,Welcome Center Nowhere,DE-XX,Nowhere\n"
    )
    with translation.override("en"):
        result = CenterResource().import_data(_load(content))
    assert [row.number for row in result.invalid_rows] == [2]
    assert "Unknown federal state “DE-XX”" in str(result.invalid_rows[0].error_dict)
    assert list(Center.objects.values_list("slug", flat=True)) == [center.slug]


def test_centers_import_by_slug_and_update_in_place(center):
    content = "slug,name,state,city\nwelcome-center-thuringia,Welcome Center Thuringia,DE-TH,Jena\n"
    result = CenterResource().import_data(_load(content))
    assert [row.import_type for row in result.rows] == ["update"]
    center.refresh_from_db()
    assert center.city == "Jena"


def test_center_admin_import_previews_and_refuses_a_bad_file(client, center):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(admin_user, "JBSWY3DPEHPK3PXP")
    client.force_login(admin_user)
    content = b"slug,name,state,city\nwelcome-center-nowhere,Nowhere,DE-XX,Nowhere\n"
    response = client.post(
        "/admin/centers/center/import/",
        {"import_file": SimpleUploadedFile("centers.csv", content), "format": 0},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Unknown federal state “DE-XX”" in response.content.decode()
    assert not Center.objects.filter(slug="welcome-center-nowhere").exists()
