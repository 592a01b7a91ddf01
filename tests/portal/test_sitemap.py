"""/sitemap.xml lists every public page type in German and English, with alternates."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def test_sitemap_lists_public_pages_in_both_languages(client, demo, settings):
    settings.SITE_URL = "https://portal.example.org"
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in [
        "/de/",
        "/en/",
        "/de/centers/",
        "/en/centers/welcome-center-thuringia/",
        "/de/centers/welcome-center-thuringia/",
        "/en/regions/DE-TH/",
        "/de/partners/",
        "/en/events/",
        "/de/imprint/",
    ]:
        assert f"<loc>https://portal.example.org{path}</loc>" in xml, path
    assert (
        '<xhtml:link rel="alternate" hreflang="en" '
        'href="https://portal.example.org/en/centers/welcome-center-thuringia/"/>'
    ) in xml
    assert "/manage/" not in xml
    assert "/invitation/" not in xml


def test_sitemap_runs_the_same_queries_for_more_centers(client, demo, django_assert_num_queries):
    from tests.factories import CenterFactory

    with django_assert_num_queries(4) as first:  # one per kind of item
        client.get("/sitemap.xml")
    CenterFactory.create_batch(10)
    with django_assert_num_queries(len(first)):
        client.get("/sitemap.xml")
