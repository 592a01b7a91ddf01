"""The barrier-report form of the accessibility statement, and the shared rate limiter."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from accounts import roles
from feedback.models import BarrierReport
from feedback.services import barrier_report_mail
from tests.factories import UserFactory
from welcome_portal import ratelimit

pytestmark = pytest.mark.django_db

URL = "/de/accessibility/report/"
REPORT = {"description": "Der Kontrast der Chips ist zu schwach.", "page": "/de/partners/"}


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(db):
    user = UserFactory(email="staff@example.org")
    user.groups.add(Group.objects.get(name=roles.AGENCY_STAFF))
    return user


def test_the_statement_shows_the_form_and_names_the_enforcement_body(client):
    for lang, heading in (("de", "Barriere melden"), ("en", "Report a barrier")):
        html = client.get(f"/{lang}/accessibility/").content.decode()
        assert heading in html
        assert f'action="/{lang}/accessibility/report/"' in html
        assert "Schlichtungsstelle BGG" in html
        assert "https://www.schlichtungsstelle-bgg.de" in html


def test_a_report_is_stored_and_mailed_to_the_agency_staff(
    client, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**REPORT, "email": "ana@example.net"})
    assert response.status_code == 302
    assert response["Location"] == "/de/accessibility/report/thanks/"
    report = BarrierReport.objects.get()
    assert (report.description, report.page, report.language) == (
        REPORT["description"],
        "/de/partners/",
        "de",
    )
    assert report.mailed_at is not None
    [message] = mail.outbox
    assert message.to == ["staff@example.org"]
    assert message.reply_to == ["ana@example.net"]
    assert "Der Kontrast der Chips ist zu schwach." in message.body
    assert f"/admin/feedback/barrierreport/{report.pk}/change/" in message.body
    thanks = client.get(response["Location"]).content.decode()
    assert "Vielen Dank für Ihre Meldung" in thanks


def test_mailing_twice_sends_one_message(client, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, REPORT)
    report = BarrierReport.objects.get()
    assert barrier_report_mail(report_id=report.pk) is False
    assert len(mail.outbox) == 1


def test_an_empty_report_is_answered_beside_the_field_in_english(client):
    response = client.post("/en/accessibility/report/", {"description": "", "email": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the marked fields." in html
    assert "This field is required." in html
    assert "Enter a valid email address." in html
    assert not BarrierReport.objects.exists()


def test_the_honeypot_field_stores_nothing_but_answers_the_same(client, staff):
    response = client.post(URL, {**REPORT, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not BarrierReport.objects.exists()
    assert not mail.outbox


def test_the_honeypot_is_hidden_from_people(client):
    html = client.get("/de/accessibility/").content.decode()
    assert '<div class="feedback-trap" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html


def test_past_the_limit_the_form_answers_429_saying_when_to_try_again(client, settings):
    settings.REGISTRATION_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert client.post(URL, REPORT).status_code == 302
    refused = client.post(URL, REPORT)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    html = refused.content.decode()
    assert "Zu viele Versuche" in html
    assert "Bitte versuchen Sie es in" in html
    assert BarrierReport.objects.count() == 2
    english = client.post("/en/accessibility/report/", REPORT).content.decode()
    assert "Please try again in" in english


def test_the_limit_counts_per_client_address(client, settings):
    settings.REGISTRATION_RATE_LIMIT = "1/h"
    assert client.post(URL, REPORT, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert client.post(URL, REPORT, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post(URL, REPORT, REMOTE_ADDR="192.0.2.2").status_code == 302


def test_off_disables_the_limit(client, settings):
    settings.REGISTRATION_RATE_LIMIT = "off"
    for _ in range(5):
        assert client.post(URL, REPORT).status_code == 302


def test_hit_returns_the_seconds_to_wait_once_the_limit_is_used_up(settings):
    settings.REGISTRATION_RATE_LIMIT = "3/10m"
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")
    assert [ratelimit.hit(request, "test") for _ in range(3)] == [None, None, None]
    wait = ratelimit.hit(request, "test")
    assert 0 < wait <= 600
    assert ratelimit.hit(request, "other-scope") is None


@pytest.mark.parametrize(
    ("rate", "parsed"), [("20/h", (20, 3600)), ("5/10m", (5, 600)), ("1/d", (1, 86400))]
)
def test_rates_are_read_from_the_setting(rate, parsed):
    assert ratelimit.parse_rate(rate) == parsed
    assert ratelimit.parse_rate("off") is None


@pytest.mark.parametrize("rate", ["", "abc", "20", "0/h", "20/w"])
def test_a_malformed_rate_is_a_configuration_error(rate):
    with pytest.raises(ImproperlyConfigured, match="REGISTRATION_RATE_LIMIT"):
        ratelimit.parse_rate(rate)


def test_nul_and_overlong_input_get_a_message_not_an_error(client):
    response = client.post(URL, {"description": "a\x00b", "page": "x" * 600})
    assert response.status_code == 200
    assert not BarrierReport.objects.exists()


def test_an_smtp_failure_keeps_the_report_unsent_for_the_retry(staff, monkeypatch):
    from smtplib import SMTPServerDisconnected

    report = BarrierReport.objects.create(description="x", language="de")

    def refuse(self, fail_silently=False):
        raise SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with pytest.raises(SMTPServerDisconnected):
        barrier_report_mail(report_id=report.pk)
    report.refresh_from_db()
    assert report.mailed_at is None
