"""The page frame: language, title, one h1, the language switch, the start page's ways in."""

import re

import pytest
from django.core.management import call_command

FRAME_PAGES = ["/{lang}/", "/{lang}/accessibility/", "/{lang}/privacy/", "/{lang}/imprint/"]
ACCOUNT_PAGES = [
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/password/reset/key/1-not-a-token/",
]


def assert_frame(html: str, lang: str):
    assert f'<html lang="{lang}">' in html
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title
    assert title.group(1).strip().split("\u2013")[0].strip()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'href="#main"' in html
    assert 'id="main"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("page", FRAME_PAGES)
def test_every_page_has_lang_title_and_one_h1(client, page, lang):
    response = client.get(page.format(lang=lang))
    assert response.status_code == 200
    assert_frame(response.content.decode(), lang)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("page", ACCOUNT_PAGES)
def test_account_pages_have_the_frame_in_the_chosen_language(client, page, lang):
    response = client.get(page, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    assert_frame(response.content.decode(), lang)


@pytest.mark.django_db
def test_root_redirects_by_the_browsers_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").url == "/de/"


@pytest.mark.django_db
def test_language_switch_keeps_the_page(client):
    html = client.get("/en/imprint/").content.decode()
    assert 'href="/de/imprint/" hreflang="de"' in html
    assert '<link rel="alternate" hreflang="de" href="http://127.0.0.1:8000/de/imprint/">' in html
    german = client.get("/de/imprint/").content.decode()
    assert "Impressum" in german
    assert 'href="/en/imprint/" hreflang="en"' in german


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/en/centers/?state=DE-BY&q=Beratung%20M%C3%BCnchen",
        "/en/centers/{slug}/",
        "/en/events/",
        "/en/partners/?country=MX&page=2",
    ],
)
def test_language_switch_leads_to_the_same_page_and_search(client, path):
    from django.urls import translate_url

    from tests.factories import CenterFactory

    path = path.format(slug=CenterFactory().slug)
    html = client.get(path).content.decode()

    german = translate_url(path, "de")  # Django's own answer, resolving and reversing the path
    assert german.startswith("/de/")
    assert f'href="{german.replace("&", "&amp;")}" hreflang="de"' in html


@pytest.mark.django_db
def test_unknown_page_switches_to_the_same_unknown_page_in_the_other_language(client):
    html = client.get("/en/no-such-page/?x=1").content.decode()
    assert 'href="/de/no-such-page/?x=1" hreflang="de"' in html

    german = client.get("/de/no-such-page/?x=1")
    assert german.status_code == 404
    assert '<html lang="de">' in german.content.decode()


@pytest.mark.django_db
def test_language_view_sends_a_page_in_a_language_to_its_sibling_and_remembers(client):
    response = client.get("/language/de/", {"next": "/en/no-such-page/?x=1"})

    assert response.url == "/de/no-such-page/?x=1"
    assert response.cookies["django_language"].value == "de"


@pytest.mark.django_db
def test_language_switch_outside_the_prefix_remembers_the_choice(client):
    response = client.get("/language/en/", {"next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.url == "/accounts/login/"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page


@pytest.mark.django_db
def test_language_switch_refuses_foreign_redirects_and_unknown_languages(client):
    assert client.get("/language/en/", {"next": "https://evil.example/"}).url == "/en/"
    assert client.get("/language/xx/").status_code == 404


@pytest.mark.django_db
def test_start_page_leads_to_centers_partners_and_the_meeting(client):
    html = client.get("/en/").content.decode()
    for target in ("/en/centers/", "/en/partners/", "/en/events/"):
        assert f'href="{target}"' in html


@pytest.mark.django_db
def test_seed_demo_is_idempotent(settings):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True
    call_command("seed_demo")
    users = get_user_model().objects.count()
    call_command("seed_demo")
    assert get_user_model().objects.count() == users == 3
    assert (
        get_user_model()
        .objects.get(email="staff@example.org")
        .check_password(settings.DEMO_PASSWORD)
    )


def test_a_mistyped_email_address_is_answered_in_the_formal_german_of_the_portal():
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email
    from django.utils import translation

    with translation.override("de"):
        with pytest.raises(ValidationError) as refused:
            validate_email("bad")
        assert refused.value.messages == ["Bitte geben Sie eine gültige E-Mail-Adresse ein."]
