"""A form sent without its security cookie gets the portal's page, in the visitor's language."""

import pytest
from django.test import Client

from events.models import Registration
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "advice"),
    [
        ("de", "Das Formular konnte nicht gesendet werden", "Bitte erlauben Sie Cookies"),
        ("en", "The form could not be sent", "Please allow cookies"),
    ],
)
def test_a_registration_without_the_cookie_is_refused_on_the_portals_page(
    language, heading, advice
):
    meeting = MeetingFactory(slug="federal-meeting")
    browser = Client(enforce_csrf_checks=True)
    form = f"/{language}/events/{meeting.slug}/register/"
    response = browser.post(
        form,
        {"name": "Jonas Weber", "email": "jonas@example.org"},
        headers={"Referer": f"http://testserver{form}"},
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert heading in html
    assert advice in html
    assert f'href="http://testserver{form}"' in html  # the way back to the form
    assert "DEBUG" not in html
    assert not Registration.objects.filter(email="jonas@example.org").exists()
