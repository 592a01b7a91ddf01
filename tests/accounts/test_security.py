"""Login throttling, the second factor for staff and organizers, headers and cookies."""

import time

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.core.cache import cache

from accounts import roles
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"
SECRET = "JBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def verified_user(**kwargs):
    from allauth.account.models import EmailAddress

    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def current_code(secret=SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, user, password=PASSWORD):
    return client.post(
        "/accounts/login/",
        {"login": user.email, "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_five_failed_logins_lock_the_account_even_for_the_right_password(client):
    user = verified_user()
    for _ in range(5):
        assert log_in(client, user, "wrong-password-123").status_code == 200
    refused = log_in(client, user)
    assert refused.status_code in (200, 429)
    assert not logged_in(client)
    assert "Too many failed login attempts" in refused.content.decode()


@pytest.mark.django_db
def test_the_admin_login_is_throttled_alike(client):
    user = verified_user(is_staff=True)
    TOTP.activate(user, SECRET)
    for _ in range(5):
        log_in(client, user, "wrong-password-123")
    # The admin's own login form is allauth's: it sends the visitor there, still throttled.
    admin = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert admin.status_code == 302
    assert admin.url.startswith("/accounts/login/")
    log_in(client, user)
    assert not logged_in(client)


@pytest.mark.django_db
def test_staff_without_totp_cannot_reach_the_admin_until_they_set_it_up(client):
    user = verified_user(is_staff=True, is_superuser=True)
    assert log_in(client, user).status_code == 302
    assert logged_in(client)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"

    TOTP.activate(user, SECRET)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_organizer_without_totp_is_sent_to_set_it_up(client):
    user = verified_user()
    user.groups.add(Group.objects.get(name=roles.ORGANIZERS))
    client.force_login(user)
    response = client.get("/admin/")
    assert response.url == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_login_with_totp_asks_for_the_code(client):
    user = verified_user(is_staff=True)
    TOTP.activate(user, SECRET)
    response = log_in(client, user)
    assert response.url == "/accounts/2fa/authenticate/"
    assert not logged_in(client)
    client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert logged_in(client)


@pytest.mark.django_db
def test_a_recovery_code_logs_in_once(client):
    user = verified_user(is_staff=True)
    TOTP.activate(user, SECRET)
    code = RecoveryCodes.activate(user).get_unused_codes()[0]

    log_in(client, user)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert logged_in(client)

    client.logout()
    log_in(client, user)
    again = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert again.status_code == 200
    assert not logged_in(client)


@pytest.mark.django_db
def test_responses_carry_a_strict_content_security_policy(client):
    response = client.get("/en/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/de/",
        "/en/centers/",
        "/en/regions/",
        "/en/partners/",
        "/en/events/",
        "/en/privacy/",
        "/en/events/{meeting}/",
        "/de/centers/{center}/",
        "/en/partners/{partner}/",
        "/en/centers/?near=Erfurt&q=Beratung",
    ],
)
def test_anonymous_visitors_get_no_cookie(client, url):
    from tests.factories import CenterFactory, MeetingFactory, PartnerFactory

    url = url.format(
        meeting=MeetingFactory().slug, center=CenterFactory().slug, partner=PartnerFactory().slug
    )
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, f"{url} set {list(response.cookies)}"


@pytest.mark.django_db
def test_changing_the_email_address_asks_for_the_password_again(client):
    from allauth.account.models import EmailAddress

    user = verified_user()
    log_in(client, user)
    # A login older than the re-authentication window, as after a long session.
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": time.time() - 3600}]
    session.save()
    response = client.post("/accounts/email/", {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert response.url.startswith("/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email="new@example.org").exists()
