"""Bidi controls typed into a name cannot turn the text around it; right-to-left names are
isolated on the organizer's pages."""

import pytest

from centers.forms import CenterEditForm
from events.models import Registration
from events.services.invitees import parse_list
from feedback.forms import BarrierReportForm
from tests.events.test_public_pages import registration_data
from tests.factories import MeetingFactory, RegistrationFactory, UserFactory
from welcome_portal.textinput import PlainTextField, plain_text

# Right-to-left override, left-to-right embedding, pop; first-strong, right-to-left isolates.
OVERRIDE = "\u202e"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_plain_text_drops_the_embedding_override_and_isolate_controls_and_keeps_the_marks():
    assert plain_text(f"Anna{CONTROLS} Muster") == "Anna Muster"
    assert plain_text("Maryam\u200f, Jan\u200e") == "Maryam\u200f, Jan\u200e"


def test_plain_text_drops_invisible_characters_and_keeps_line_breaks_and_joiners():
    assert plain_text("a\x07\x1bb\u200b\ufeff\u2060") == "ab"
    assert plain_text("step-free\r\nlift\tplease") == "step-free\r\nlift\tplease"
    assert plain_text("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # Persian needs its ZWNJ
    )


@pytest.mark.django_db
def test_a_name_of_invisible_characters_only_is_refused_as_missing(client):
    meeting = MeetingFactory()

    response = client.post(
        f"/en/events/{meeting.slug}/register/", registration_data(name="\u200b\u200b\x07")
    )

    assert "This field is required." in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_a_name_typed_with_an_override_is_stored_without_it(client):
    meeting = MeetingFactory()

    client.post(
        f"/en/events/{meeting.slug}/register/",
        registration_data(
            name=f"Anna {OVERRIDE}retsuM",
            organisation="\u2067WC Erfurt\u2069",
            accessibility_needs=f"{OVERRIDE}step-free",
        ),
    )

    registration = Registration.objects.get()
    assert registration.name == "Anna retsuM"
    assert registration.organisation == "WC Erfurt"
    assert registration.accessibility_needs == "step-free"


@pytest.mark.django_db
def test_a_pasted_invitation_list_loses_the_controls_in_names_and_organisations():
    invitees, errors = parse_list(f"Ada {OVERRIDE}ecalevol, ada@example.org, \u202bWC\u202c\n")

    assert errors == []
    assert (invitees[0].name, invitees[0].organisation) == ("Ada ecalevol", "WC")


def test_the_center_editor_and_the_feedback_form_clean_their_free_text():
    editor = CenterEditForm().fields
    assert isinstance(editor["description_en"], PlainTextField)
    assert isinstance(editor["city"], PlainTextField)
    assert not isinstance(editor["email"], PlainTextField)  # keeps its own validation
    feedback = BarrierReportForm({"description": f"The {OVERRIDE}map", "page": "/en/"})
    assert feedback.is_valid()
    assert feedback.cleaned_data["description"] == "The map"


@pytest.mark.django_db
def test_a_right_to_left_name_is_isolated_on_the_organizer_dashboard_and_check_in(client):
    meeting = MeetingFactory()
    organizer = UserFactory()
    meeting.organizers.add(organizer)
    RegistrationFactory(meeting=meeting, name="مريم أحمد", organisation="مركز الترحيب")
    client.force_login(organizer)

    dashboard = client.get(f"/en/events/{meeting.slug}/manage/").content.decode()
    check_in = client.get(f"/en/events/{meeting.slug}/manage/check-in/?q=مريم").content.decode()

    assert "<bdi>مريم أحمد</bdi>" in dashboard
    assert "<bdi>مركز الترحيب</bdi>" in dashboard
    assert "New status for <bdi>مريم أحمد</bdi>" in dashboard
    assert "<bdi>مريم أحمد</bdi>" in check_in


@pytest.mark.django_db
def test_a_right_to_left_name_is_isolated_on_the_participants_own_page(client):
    registration = RegistrationFactory(name="مريم أحمد")

    page = client.get(f"/en/events/invitation/{registration.token}/").content.decode()

    assert "<bdi>مريم أحمد</bdi>, attending on site." in page
