"""Navigation that knows the person, the page after logging in, and the error pages."""

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.factories import (
    CenterFactory,
    MeetingFactory,
    OrganizerFactory,
    StaffFactory,
    UserFactory,
)

from .test_security import PASSWORD, current_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def log_in_with_totp(client, user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    return client.post("/accounts/2fa/authenticate/", {"code": current_code()})


def test_organizer_lands_on_the_dashboard_and_sees_my_meetings(client):
    organizer = OrganizerFactory(password=PASSWORD)
    meeting = MeetingFactory(slug="federal-meeting")
    meeting.organizers.add(organizer)

    response = log_in_with_totp(client, organizer)

    assert response.url.endswith("/events/federal-meeting/manage/")
    page = client.get("/en/").content.decode()
    assert 'href="/en/events/federal-meeting/manage/">My meetings</a>' in page
    detail = client.get("/en/events/federal-meeting/").content.decode()
    assert "Organizer's dashboard" in detail


def test_organizer_of_two_meetings_gets_the_list_of_both(client):
    organizer = OrganizerFactory()
    for slug in ("first-meeting", "second-meeting"):
        MeetingFactory(slug=slug).organizers.add(organizer)
    client.force_login(organizer)

    page = client.get("/en/events/manage/").content.decode()

    assert "/en/events/first-meeting/manage/" in page
    assert "/en/events/second-meeting/manage/" in page


def test_agency_staff_land_in_the_back_office(client):
    staff = StaffFactory(password=PASSWORD)

    response = log_in_with_totp(client, staff)

    assert response.url == "/admin/"
    assert ">Back office</a>" in client.get("/en/").content.decode()


def test_editor_lands_on_their_center_form(client):
    editor = UserFactory(password=PASSWORD)
    center = CenterFactory(slug="welcome-center-thuringia")
    center.editors.add(editor)
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)

    response = client.post("/accounts/login/", {"login": editor.email, "password": PASSWORD})

    assert response.url.endswith("/centers/welcome-center-thuringia/edit/")
    assert ">My center</a>" in client.get("/en/").content.decode()


def test_anonymous_visitors_see_no_tools_and_log_in_is_not_register(client):
    page = client.get("/de/").content.decode()
    assert "Meine Treffen" not in page
    assert ">Einloggen</a>" in page


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "No access to this page"), ("de", "Kein Zugriff auf diese Seite")]
)
def test_refused_page_is_in_the_portal_frame_and_language(client, lang, title):
    client.force_login(UserFactory())
    response = client.get(f"/{lang}/events/{MeetingFactory().slug}/manage/")

    assert response.status_code == 403
    page = response.content.decode()
    assert f'<h1 class="kern-heading-x-large">{title}</h1>' in page
    assert f'<html lang="{lang}">' in page
    assert 'class="site-header"' in page


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Page not found"), ("de", "Seite nicht gefunden")]
)
def test_not_found_page_is_in_the_portal_frame_and_language(client, lang, title):
    response = client.get(f"/{lang}/centers/no-such-center/")

    assert response.status_code == 404
    page = response.content.decode()
    assert title in page
    assert f'<html lang="{lang}">' in page
    assert 'class="site-footer"' in page


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Something went wrong"), ("de", "Etwas ist schiefgegangen")]
)
def test_server_error_page_is_in_the_portal_frame_and_language(lang, title, settings):
    assert settings.DEBUG is False
    with translation.override(lang):
        response = server_error(RequestFactory().get(f"/{lang}/"))

    assert response.status_code == 500
    page = response.content.decode()
    assert title in page
    assert 'class="site-header"' in page
