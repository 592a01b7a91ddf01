import re

import pytest
from django.core import mail


@pytest.mark.django_db
def test_signup_sends_verification_mail_and_unverified_user_cannot_log_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new.person@example.org",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body)
    assert link

    client.logout()
    login = client.post(
        "/accounts/login/",
        {"login": "new.person@example.org", "password": "a-long-enough-passphrase"},
    )
    assert login.status_code == 302
    assert login.url.startswith("/accounts/confirm-email/")
    assert "_auth_user_id" not in client.session

    confirm_path = link.group(0).split("/accounts/", 1)[1]
    client.post("/accounts/" + confirm_path)
    login = client.post(
        "/accounts/login/",
        {"login": "new.person@example.org", "password": "a-long-enough-passphrase"},
    )
    assert login.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_signup_rejects_short_passwords_beside_the_field(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "short@example.org", "password1": "short1", "password2": "short1"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not mail.outbox


@pytest.mark.django_db
def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
