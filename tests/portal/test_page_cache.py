"""The shared page cache: anonymous public pages come from it, and never a stale or personal one."""

import pytest
from django.core.management import call_command
from django.http import HttpResponse

from tests.factories import CenterFactory, MeetingFactory, PartnerFactory, UserFactory
from welcome_portal import pagecache

pytestmark = pytest.mark.django_db


@pytest.fixture
def center():
    return CenterFactory(name="Welcome Center Cachetown", description_en="Old description.")


@pytest.fixture
def count_views(monkeypatch):
    """How often the page cache let a request through to the view (a miss or a bypass)."""
    calls = []
    original = pagecache.PageCacheMiddleware.__call__

    def counting(self, request):
        inner = self.get_response

        def through(req):
            calls.append(req.path)
            return inner(req)

        self.get_response = through
        try:
            return original(self, request)
        finally:
            self.get_response = inner

    monkeypatch.setattr(pagecache.PageCacheMiddleware, "__call__", counting)
    return calls


def test_second_anonymous_visit_is_served_from_the_cache(client, center, count_views):
    first = client.get(f"/en/centers/{center.slug}/")
    second = client.get(f"/en/centers/{center.slug}/")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert len(count_views) == 1
    assert second["ETag"] == first["ETag"]
    assert "Last-Modified" in second
    assert not second.cookies


def test_same_etag_gets_not_modified(client, center):
    etag = client.get(f"/en/centers/{center.slug}/")["ETag"]
    again = client.get(f"/en/centers/{center.slug}/", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_query_order_does_not_matter_but_language_does(client, center, count_views):
    client.get("/en/centers/?q=Cachetown&state=DE-TH")
    client.get("/en/centers/?state=DE-TH&q=Cachetown")
    assert len(count_views) == 1
    german = client.get("/de/centers/?q=Cachetown&state=DE-TH")
    assert len(count_views) == 2
    assert german["Content-Language"] == "de"


def test_a_release_serves_new_pages_and_parts_at_once(client, center, count_views):
    """A release runs `migrate`: what was kept with the old templates is stale from then on."""
    client.get(f"/en/centers/{center.slug}/")
    kept = pagecache.per_version_value(pagecache.DIRECTORY, "release-probe", lambda: "old")
    call_command("migrate", verbosity=0)
    client.get(f"/en/centers/{center.slug}/")
    assert len(count_views) == 2
    assert kept == "old"
    assert pagecache.per_version_value(pagecache.DIRECTORY, "release-probe", lambda: "new") == "new"


def test_center_edit_shows_on_the_public_page_at_once(client, center):
    assert b"Old description." in client.get(f"/en/centers/{center.slug}/").content
    center.description_en = "Fresh description."
    center.save()
    page = client.get(f"/en/centers/{center.slug}/").content
    assert b"Fresh description." in page
    assert b"Old description." not in page


def test_new_partner_shows_in_the_directory_at_once(client):
    assert b"Brand New Partner" not in client.get("/en/partners/").content
    PartnerFactory(name="Brand New Partner")
    assert b"Brand New Partner" in client.get("/en/partners/").content


def test_meeting_change_shows_on_its_page_at_once(client):
    meeting = MeetingFactory(title_en="First title")
    assert b"First title" in client.get(f"/en/events/{meeting.slug}/").content
    meeting.title_en = "Second title"
    meeting.save()
    assert b"Second title" in client.get(f"/en/events/{meeting.slug}/").content


def test_logged_in_page_is_never_served_from_the_cache(client, center, count_views):
    client.get(f"/en/centers/{center.slug}/")  # anonymous: now cached
    user = UserFactory(email="visitor@example.org")
    client.force_login(user)
    page = client.get(f"/en/centers/{center.slug}/")
    assert len(count_views) == 2
    assert page.wsgi_request.user == user


def test_logged_in_page_is_not_stored_for_anonymous_visitors(client, center, count_views):
    user = UserFactory(email="visitor@example.org")
    client.force_login(user)
    client.get(f"/en/centers/{center.slug}/")
    client.logout()
    client.cookies.clear()
    anonymous = client.get(f"/en/centers/{center.slug}/")
    assert len(count_views) == 2
    assert b"visitor@example.org" not in anonymous.content


def test_page_with_a_form_error_is_not_cached(client, center, count_views):
    first = client.get("/en/centers/?state=XX-NOWHERE")
    client.get("/en/centers/?state=XX-NOWHERE")
    assert first.status_code == 200
    assert first.context["filter"].form.errors
    assert len(count_views) == 2


def test_response_that_sets_a_cookie_is_not_cached(rf):
    calls = []

    def view(request):
        calls.append(request.path)
        response = HttpResponse(b"hello")
        if request.path.startswith("/en/"):
            response.set_cookie("tracker", "1")
        return response

    middleware = pagecache.PageCacheMiddleware(view)
    for _ in range(2):
        assert middleware(rf.get("/en/centers/")).cookies["tracker"].value == "1"
    assert len(calls) == 2
    for _ in range(2):  # the control: the same page without a cookie is stored and served
        middleware(rf.get("/de/centers/"))
    assert len(calls) == 3


def test_request_with_a_session_cookie_bypasses_the_cache(client, center, count_views):
    client.get(f"/en/centers/{center.slug}/")
    client.cookies["sessionid"] = "whatever"
    client.get(f"/en/centers/{center.slug}/")
    assert len(count_views) == 2


def test_registration_form_is_not_cached(client, count_views):
    meeting = MeetingFactory()
    for _ in range(2):
        response = client.get(f"/en/events/{meeting.slug}/register/")
    assert response.status_code == 200
    assert len(count_views) == 2  # a form with a CSRF token: rendered for each visitor


def test_with_the_cache_unreachable_pages_and_saves_still_work(client, center, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    for method in ("get_many", "set", "incr", "add"):
        monkeypatch.setattr(pagecache.cache, method, unreachable)
    center.description_en = "Saved while Redis is down."
    center.save()
    page = client.get(f"/en/centers/{center.slug}/")
    assert page.status_code == 200
    assert b"Saved while Redis is down." in page.content
