"""The back office stores free text by the same rule as the public forms: the admin's forms
and the spreadsheet imports drop the bidi controls (welcome_portal.textinput.plain_text)."""

import pytest
import tablib
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from centers.models import Center
from centers.resources import CenterResource
from events.models import Speaker
from partners.models import Partner
from tests.admin_forms import change_form_data
from tests.factories import PartnerFactory, StaffFactory
from welcome_portal.textinput import PlainTextField, is_plain_text

pytestmark = pytest.mark.django_db

OVERRIDE = "\u202e"


def test_a_partner_and_its_contact_person_saved_in_the_admin_lose_the_override(staff_client):
    partner = PartnerFactory(name="Goethe-Institut Lima")
    url = f"/admin/partners/partner/{partner.pk}/change/"
    data = change_form_data(
        staff_client,
        url,
        name=f"Goethe-Institut {OVERRIDE}amiL",
        city=f"{OVERRIDE}Lima",
        change_reason=f"new {OVERRIDE}name",
        **{
            "contacts-TOTAL_FORMS": "1",
            "contacts-0-name": f"Ana {OVERRIDE}zepóL",
            "contacts-0-role": "Leitung",
        },
    )

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    partner.refresh_from_db()
    assert (partner.name, partner.city) == ("Goethe-Institut amiL", "Lima")
    assert partner.contacts.get().name == "Ana zepóL"
    assert partner.history.latest().history_change_reason == "new name"


def test_a_speaker_added_in_the_admin_loses_the_controls(client):
    client.force_login(StaffFactory(is_superuser=True))

    response = client.post(
        "/admin/events/speaker/add/",
        {"name": f"Dr. {OVERRIDE}nnamreB", "organisation": "\u2067BMAS\u2069", "role_de": "x"},
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    speaker = Speaker.objects.get()
    assert (speaker.name, speaker.organisation) == ("Dr. nnamreB", "BMAS")


PROJECT_APPS = {"accounts", "centers", "partners", "events", "feedback"}


def _admin_forms(request):
    """Every form the admin shows for the project's models: each ModelAdmin's and its inlines'
    (the admins of Django's and allauth's own models are theirs)."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        yield model_admin, model_admin.get_form(request, None)
        for inline in model_admin.get_inline_instances(request):
            yield inline, inline.get_formset(request, None).form


def test_every_admin_form_reads_its_free_text_columns_by_the_one_rule():
    request = RequestFactory().get("/admin/")
    request.user = StaffFactory(is_superuser=True)
    checked = set()
    for model_admin, form_class in _admin_forms(request):
        for name, field in form_class.base_fields.items():
            model_field = next((f for f in model_admin.model._meta.fields if f.name == name), None)
            if model_field is not None and is_plain_text(model_field):
                assert isinstance(field, PlainTextField), (model_admin, name)
                checked.add(f"{model_admin.model._meta.label}.{name}")

    assert {"partners.Partner.name", "partners.ContactPerson.name", "events.Meeting.venue"} <= (
        checked
    )
    assert {"centers.Closure.note_de", "accounts.User.name", "events.Speaker.name"} <= checked


def test_a_partner_imported_in_the_admin_loses_the_override(staff_client):
    content = (
        "slug,name,kind,country,city,address,status\n"
        f"goethe-institut-lima,Goethe-Institut {OVERRIDE}amiL,goethe-institut,PE,Lima,"
        f'"\u2066Av. Arequipa\u2069",active\n'
    )
    file = SimpleUploadedFile("partners.csv", content.encode())
    preview = staff_client.post(
        "/admin/partners/partner/import/", {"import_file": file, "format": 0}
    )
    form = preview.context["confirm_form"]
    staff_client.post(
        "/admin/partners/partner/process_import/",
        {name: form.initial.get(name, "") for name in form.fields},
    )

    lima = Partner.objects.get(slug="goethe-institut-lima")
    assert (lima.name, lima.address) == ("Goethe-Institut amiL", "Av. Arequipa")


def test_a_center_imported_from_a_file_loses_the_override():
    content = (
        "slug,name,state,city,description_en\n"
        f"wc-jena,Welcome Center {OVERRIDE}aneJ,DE-TH,Jena,Advice {OVERRIDE}in Jena\n"
    )

    result = CenterResource().import_data(tablib.Dataset().load(content, format="csv"))

    assert not result.has_validation_errors()
    jena = Center.objects.get(slug="wc-jena")
    assert (jena.name, jena.description_en) == ("Welcome Center aneJ", "Advice in Jena")
