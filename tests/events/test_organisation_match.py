"""A typed organisation that is a center's or a partner's name is linked to that entry, on every
way in (public form, organizer's form, bulk add, invitation), shown in the dashboard with a
link to the directory and in the export."""

import csv
import io

import pytest

from events.models import Invitation
from events.services import registration_register
from events.services.invitations import invitation_accept
from events.services.organisations import match_organisation
from events.services.participants_import import parse_participants, participants_import
from tests.factories import CenterFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def delhi():
    return PartnerFactory(
        name="Goethe-Institut Neu-Delhi",
        name_en="Goethe-Institut New Delhi",
        short_name="GI Delhi",
        country="IN",
    )


@pytest.fixture
def erfurt():
    return CenterFactory(name="Welcome Center Thüringen", name_en="Welcome Center Thuringia")


@pytest.mark.parametrize(
    "typed",
    [
        "Goethe-Institut New Delhi",
        "goethe-institut   new delhi",
        " GOETHE-INSTITUT NEU-DELHI ",
        "gi delhi",
    ],
)
def test_either_language_the_short_name_any_case_and_spacing_match(delhi, typed):
    assert match_organisation(typed) == {"center": None, "partner": delhi}


def test_a_center_matches_and_other_names_do_not(erfurt, delhi):
    assert match_organisation("welcome center thuringia")["center"] == erfurt
    assert match_organisation("Goethe-Institut") == {"center": None, "partner": None}
    assert match_organisation("") == {"center": None, "partner": None}
    assert match_organisation("x" * 5000 + "\x00") == {"center": None, "partner": None}


def test_a_name_two_entries_share_links_to_neither(delhi):
    PartnerFactory(name="Goethe-Institut Chennai", short_name="GI Delhi")
    assert match_organisation("GI Delhi") == {"center": None, "partner": None}


def test_public_form_links_the_registration_to_the_partner(client, meeting, delhi):
    response = client.post(
        f"/en/events/{meeting.slug}/register/",
        {
            "name": "Priya",
            "email": "priya@example.org",
            "organisation": "goethe-institut new delhi",
            "attendance_mode": "online",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 200
    registration = meeting.registrations.get()
    assert registration.partner == delhi
    assert registration.organisation == "goethe-institut new delhi"  # as typed


def test_organizers_form_bulk_add_and_invitations_link_too(
    client, meeting, organizer, delhi, erfurt
):
    client.force_login(organizer)
    client.post(
        f"/en/events/{meeting.slug}/manage/add/",
        {
            "name": "Ada",
            "email": "ada@example.org",
            "organisation": "Welcome Center Thuringia",
            "attendance_mode": "online",
            "language": "en",
        },
    )
    rows = parse_participants("Bea, bea@example.org, GI Delhi, online", meeting=meeting)
    participants_import(meeting=meeting, rows=rows, registered_by=organizer)
    invitation = Invitation.objects.create(meeting=meeting, email="cem@example.org")
    invitation_accept(
        invitation=invitation,
        name="Cem",
        organisation="Goethe-Institut New Delhi",
        attendance_mode="online",
        accessibility_needs="",
        privacy_consent=True,
    )

    linked = {r.email: (r.center, r.partner) for r in meeting.registrations.all()}
    assert linked == {
        "ada@example.org": (erfurt, None),
        "bea@example.org": (None, delhi),
        "cem@example.org": (None, delhi),
    }


def test_registering_again_after_cancelling_links_the_new_organisation(meeting, delhi):
    from events.services import registration_cancel

    fields = {"meeting": meeting, "name": "Dan", "email": "dan@example.org"}
    first = registration_register(**fields, attendance_mode="online", privacy_consent=True)
    registration_cancel(registration=first)
    again = registration_register(
        **fields, organisation="GI Delhi", attendance_mode="online", privacy_consent=True
    )

    assert again.pk == first.pk
    assert again.partner == delhi


def test_dashboard_links_the_entry_and_the_export_has_its_column(client, meeting, organizer, delhi):
    registration_register(
        meeting=meeting,
        name="Priya",
        email="priya@example.org",
        organisation="GI Delhi",
        attendance_mode="online",
        privacy_consent=True,
    )
    client.force_login(organizer)

    dashboard = client.get(f"/en/events/{meeting.slug}/manage/").content.decode()
    body = client.get(f"/en/events/{meeting.slug}/manage/export.csv").content.decode()

    link = f'href="/en/partners/{delhi.slug}/" title="Goethe-Institut New Delhi in the directory"'
    assert f"{link}><bdi>GI Delhi</bdi></a>" in dashboard  # the organisation as typed, linked
    header, row = list(csv.reader(io.StringIO(body[1:])))
    assert header[:4] == ["Name", "E-mail address", "Organisation", "Welcome Center or partner"]
    assert row[header.index("Directory entry (link)")].endswith(f"/en/partners/{delhi.slug}/")
