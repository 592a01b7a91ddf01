"""The login (outside the language prefix, at /accounts/) speaks the language of the page it
was opened from, not the browser's."""

import re

import pytest
from allauth.account.models import EmailAddress

from tests.factories import CenterFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def login_link(page: str) -> str:
    return re.search(r'href="(/accounts/login/[^"]*)"', page).group(1).replace("&amp;", "&")


def test_log_in_on_a_german_page_opens_the_login_in_german_in_an_english_browser(client):
    page = client.get("/de/events/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = login_link(page)

    login = client.get(link, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert link == "/accounts/login/?next=%2Fde%2Fevents%2F"
    assert '<html lang="de">' in login
    assert "Einloggen" in login
    assert 'name="next" value="/de/events/"' in login


def test_a_wrong_password_sent_from_the_german_login_is_answered_in_german(client):
    answer = client.post(
        "/accounts/login/",
        {"login": "someone@example.org", "password": "wrong", "next": "/de/events/"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert answer.status_code == 200
    assert '<html lang="de">' in answer.content.decode()


def test_logging_in_from_a_german_page_lands_on_the_own_tool_in_german(client):
    meeting = MeetingFactory(slug="federal-meeting")
    organizer = verified(UserFactory(email="organizer@example.org"))
    meeting.organizers.add(organizer)

    answer = client.post(
        "/accounts/login/",
        {"login": organizer.email, "password": "correct-horse-battery", "next": "/de/events/"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert answer["Location"] == "/de/events/federal-meeting/manage/"


def test_a_next_that_needs_the_login_is_followed_in_its_language(client):
    center = CenterFactory(slug="welcome-center-thuringia")
    editor = verified(UserFactory(email="editor@example.org"))
    center.editors.add(editor)
    edit = "/de/centers/welcome-center-thuringia/edit/"

    assert client.get(edit)["Location"] == f"/accounts/login/?next={edit}"
    answer = client.post(
        "/accounts/login/",
        {"login": editor.email, "password": "correct-horse-battery", "next": edit},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert answer["Location"] == edit


def test_the_login_remembers_the_language_for_the_steps_after_it(client):
    client.get("/accounts/login/?next=/de/events/", HTTP_ACCEPT_LANGUAGE="en")

    reset = client.get("/accounts/password/reset/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="de">' in reset


def test_switching_the_login_to_english_also_sends_back_to_the_english_page(client):
    response = client.get("/language/en/?next=/accounts/login/%3Fnext%3D/de/events/")

    assert response["Location"] == "/accounts/login/?next=%2Fen%2Fevents%2F"
    login = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="en">' in login


@pytest.mark.parametrize("target", ["/admin/", "//evil.example/de/", "https://evil.example/de/"])
def test_a_next_without_a_portal_language_leaves_the_browsers_language(client, target):
    login = client.get("/accounts/login/", {"next": target}, HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="en">' in login.content.decode()
    assert "django_language" not in login.cookies


def test_switching_the_language_leaves_a_next_to_another_site_alone(client):
    response = client.get("/language/en/?next=/accounts/login/%3Fnext%3D//evil.example/de/")

    assert response["Location"] == "/accounts/login/?next=%2F%2Fevil.example%2Fde%2F"
