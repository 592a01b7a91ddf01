"""Free text and path segments cost a bounded amount of work, whatever a visitor sends."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CenterFactory, MeetingFactory, PartnerFactory, RegistrationFactory
from welcome_portal.textinput import MAX_CHARS, MAX_WORDS, bounded_terms

THOUSAND_WORDS = " ".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(1000))
FIRST_WORDS = " ".join(THOUSAND_WORDS.split()[:MAX_WORDS])


def sql_of(client, url: str) -> list[str]:
    cache.clear()  # each search from a cold cache: the option lists are kept between pages
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_bounded_terms_keeps_the_first_words_within_the_length():
    assert bounded_terms(THOUSAND_WORDS) == FIRST_WORDS
    assert len(bounded_terms("x" * 10_000)) == MAX_CHARS
    assert bounded_terms("  Welcome\x00Center\tErfurt\r\n ") == "Welcome Center Erfurt"
    assert bounded_terms(None) == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "parameter", "words"),
    # The fields refuse more than 200 (q) and 100 (near) characters outright.
    [("/en/partners/", "q", 99), ("/en/centers/", "q", 99), ("/en/centers/", "near", 50)],
)
def test_many_words_cost_what_the_first_eight_cost(client, path, parameter, words):
    PartnerFactory(name="Goethe-Institut Abidjan")
    CenterFactory(name="Welcome Center Bavaria")
    many = " ".join(THOUSAND_WORDS.split()[:words])
    assert sql_of(client, f"{path}?{parameter}={many}") == sql_of(
        client, f"{path}?{parameter}={FIRST_WORDS}"
    )


@pytest.mark.django_db
def test_a_thousand_word_partner_search_costs_what_a_short_one_does(client):
    PartnerFactory(name="Goethe-Institut Abidjan", city="Abidjan")
    eight_words = sql_of(client, "/en/partners/?q=" + "+".join("abcdefgh"))
    hostile = sql_of(client, "/en/partners/?q=" + "+".join("abcdefghij" * 100))

    # At most the queries of an eight-word search, none of them longer.
    assert len(hostile) <= len(eight_words)
    assert max(map(len, hostile)) <= max(map(len, eight_words))


@pytest.mark.django_db
def test_dashboard_search_is_capped_too(client):
    from tests.factories import OrganizerFactory

    meeting = MeetingFactory()
    organizer = OrganizerFactory()
    meeting.organizers.add(organizer)
    RegistrationFactory(meeting=meeting, name="Ada Lovelace")
    client.force_login(organizer)
    url = f"/en/events/{meeting.slug}/manage/"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": "Ada " + "x" * 100_000})
    assert response.status_code == 200
    assert max(len(q["sql"]) for q in queries.captured_queries) < 5_000


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/en/regions/%00/",
        "/en/regions/DE-%00/",
        "/en/regions/de-th/",
        "/en/regions/XX-TH/",
        "/en/regions/DE-TH%00/",
        "/en/events/invitation/%00/",
        "/en/events/invitation/%00/data.json",
        "/en/centers/%00/",
        "/language/%00/",
    ],
)
def test_odd_path_segments_are_not_found_rather_than_a_server_error(client, path):
    client.raise_request_exception = False
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_a_state_code_opens_its_state(client):
    assert client.get("/en/regions/DE-TH/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/centers/", "/en/partners/"])
def test_a_nul_in_the_search_is_neither_an_error_nor_shown_back_in_the_box(client, path):
    page = client.get(f"{path}?q=Erfurt%00%0D%0A%E2%80%AEEast").content.decode()

    box = page[page.index('name="q"') :].split(">", 1)[0]
    assert 'value="Erfurt East"' in box
    assert 'aria-invalid="true"' not in box
    assert "\x00" not in page
    assert "\u202e" not in page
