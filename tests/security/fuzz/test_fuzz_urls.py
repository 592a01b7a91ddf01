"""Every page of the resolver, with generated path segments and query parameters: never a 5xx.

Anonymous visitors try every URL (the organizer's pages send them to the login); an organizer
of the meeting tries the organizer's pages, so that their filters and searches run too.
"""

from urllib.parse import quote, urlencode

import pytest
from django.urls import reverse
from django.utils.translation import override
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import InvitationFactory, MeetingFactory, OrganizerFactory, RegistrationFactory
from tests.security.test_permission_matrix import portal_urls

from .strategies import query, segment

PLACEHOLDER = {"slug": "placeholder-slug", "token": "PlaceholderToken", "pk": 987654321}
PLACEHOLDER_BY_NAMESPACE = {"regions": {"code": "DE-XX"}, "": {"code": "xx"}}
URLS = sorted(portal_urls())
ORGANIZER_URLS = [(name, params) for name, params in URLS if ":manage" in name]


@pytest.fixture
def world(db):
    meeting = MeetingFactory(registration_mode="open")
    organizer = OrganizerFactory()
    meeting.organizers.add(organizer)
    registration = RegistrationFactory(meeting=meeting)
    invitation = InvitationFactory(meeting=meeting)
    return {
        "meeting": meeting,
        "organizer": organizer,
        "tokens": [registration.token, invitation.token],
    }


def template(name: str, params: set) -> tuple[str, dict]:
    namespace = name.split(":")[0] if ":" in name else ""
    values = {
        p: PLACEHOLDER_BY_NAMESPACE.get(namespace, {}).get(p, PLACEHOLDER.get(p)) for p in params
    }
    with override("en"):
        return reverse(name, kwargs=values or None), values


def fill(url: str, values: dict, choices: dict) -> str:
    for param, placeholder in values.items():
        url = url.replace(str(placeholder), choices[param], 1)
    return url


@st.composite
def requests(draw, urls, world):
    name, params = draw(st.sampled_from(urls))
    url, values = template(name, params)
    known = {
        "slug": world["meeting"].slug,
        "token": draw(st.sampled_from(world["tokens"])),
        "pk": "1",
        "code": "DE-TH",
    }
    choices = {
        p: draw(st.one_of(st.just(known.get(p, "x")), segment.map(lambda s: quote(s, safe=""))))
        for p in values
    }
    return fill(url, values, choices) + "?" + urlencode(draw(query))


def test_every_public_url_with_generated_segments_and_parameters_answers_without_a_5xx(
    client, world
):
    client.raise_request_exception = False

    @given(url=requests(URLS, world))
    def check(url):
        response = client.get(url)
        assert response.status_code < 500, url

    check()


def test_every_organizer_page_with_generated_parameters_answers_without_a_5xx(client, world):
    client.raise_request_exception = False
    client.force_login(world["organizer"])

    @given(url=requests(ORGANIZER_URLS, world))
    def check(url):
        response = client.get(url)
        assert response.status_code < 500, url

    check()
