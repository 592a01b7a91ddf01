"""The start page asks where the visitor is moving to and leads to the finder."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "question"),
    [("en", "Where are you moving to?"), ("de", "Wohin ziehen Sie?")],
)
def test_start_page_search_leads_to_the_finder(client, lang, question):
    html = client.get(f"/{lang}/").content.decode()
    assert question in html
    assert f'action="/{lang}/centers/"' in html
    assert 'name="q"' in html
