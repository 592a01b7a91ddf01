"""Accounts by invitation: no public sign-up; staff create it, the person sets a password."""

import re

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*|gib|hast|bist)\b", re.I)


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def superuser_client(client):
    user = StaffFactory(is_superuser=True)
    client.force_login(user)
    return client


def test_signup_is_refused_and_creates_no_account(client):
    assert client.get("/accounts/signup/").status_code == 403
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": "a-long-passphrase", "password2": "x"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 403
    assert "No sign-up" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()
    assert not mail.outbox


def test_login_page_offers_no_sign_up(client):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/accounts/signup/" not in html
    assert "sign up" not in html.lower()


@pytest.mark.parametrize(
    ("lang", "wording"), [("en", "Log in"), ("de", "Einloggen")], ids=["en", "de"]
)
def test_login_page_says_log_in_in_title_heading_and_button(client, lang, wording):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert re.search(rf"<title>\s*{wording}", html)
    assert re.search(rf"<h1[^>]*>\s*{wording}\s*</h1>", html)
    assert re.search(rf'<button[^>]*type="submit"[^>]*><span class="kern-label">{wording}<', html)
    assert "Sign In" not in html
    assert "Anmeldung" not in html


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/accounts/password/reset/", "/accounts/signup/"]
)
def test_german_account_pages_address_the_reader_as_sie(client, path):
    text = visible_text(client.get(path, HTTP_ACCEPT_LANGUAGE="de").content.decode())
    assert not INFORMAL.findall(text), INFORMAL.findall(text)
    assert "Sie" in text or "Ihr" in text


def test_german_password_reset_mail_addresses_the_reader_as_sie(client, settings):
    user = UserFactory(email="reset@example.org")
    client.post("/accounts/password/reset/", {"email": user.email}, HTTP_ACCEPT_LANGUAGE="de")
    assert len(mail.outbox) == 1
    assert not INFORMAL.findall(mail.outbox[0].body)
    assert "Sie erhalten diese E-Mail" in mail.outbox[0].body
    assert f"{settings.SITE_URL}/accounts/password/reset/key/" in mail.outbox[0].body


def test_account_created_by_staff_gets_a_set_password_mail_and_can_then_log_in(
    superuser_client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://portal.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(
            "/admin/accounts/user/add/",
            {"email": "Editor.New@example.org", "name": "Erika Muster"},
            HTTP_HOST="evil.example",
        )
    assert response.status_code == 302
    user = User.objects.get(email__iexact="editor.new@example.org")
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Legen Sie" in message.body or "legen Sie" in message.body
    link = re.search(
        r"https://portal\.example\.org(/accounts/password/reset/key/\S+)", message.body
    )
    assert link, message.body
    assert "evil.example" not in message.body

    client = Client()  # the invited person's browser
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0] if form.redirect_chain else link.group(1)
    password = "a-long-enough-passphrase"
    done = client.post(set_url, {"password1": password, "password2": password})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(password)
    client.logout()
    login = client.post("/accounts/login/", {"login": user.email, "password": password})
    assert login.status_code == 302
    assert "_auth_user_id" in client.session


def test_set_password_link_works_once(client, django_capture_on_commit_callbacks):
    from accounts.services import user_invite

    with django_capture_on_commit_callbacks(execute=True):
        user_invite(email="once@example.org", name="")
    path = re.search(r"https?://[^/\s]+(/accounts/\S+)", mail.outbox[0].body).group(1)
    form = client.get(path, follow=True)
    set_url = form.redirect_chain[-1][0]
    password = "first-long-passphrase"
    client.post(set_url, {"password1": password, "password2": password})
    client.logout()
    again = client.get(path, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "invalid" in again.content.decode()


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_agency_staff_invite_people_but_cannot_make_or_touch_superusers(client):
    from accounts import roles

    boss = UserFactory(email="boss@example.org", is_superuser=True, is_staff=True)
    client.force_login(StaffFactory(role=roles.AGENCY_STAFF, email="agency@example.org"))
    assert client.get("/admin/accounts/user/add/").status_code == 200
    assert client.get(f"/admin/accounts/user/{boss.pk}/change/").status_code == 302
    invited = UserFactory(email="colleague@example.org")
    form = client.get(f"/admin/accounts/user/{invited.pk}/change/").context["adminform"].form
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields
