"""The page in Leichte Sprache, and KERN badges that always carry a variant."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_the_german_start_page_links_the_leichte_sprache_page(client):
    home = client.get("/de/").content.decode()
    assert '<a class="kern-link" href="/de/leichte-sprache/" lang="de">Leichte Sprache</a>' in home
    page = client.get("/de/leichte-sprache/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<h1 class="kern-heading-x-large">Leichte Sprache</h1>' in html
    assert "So finden Sie ein Welcome\u2011Center" in html  # a hyphen that never breaks
    assert 'href="/de/centers/"' in html
    assert 'href="/de/accessibility/#melden"' in html


def test_the_english_page_says_the_text_is_in_german(client):
    html = client.get("/en/leichte-sprache/").content.decode()
    assert "The text below is in German." in html
    assert '<div class="easy-read prose" lang="de">' in html


# KERN's .kern-badge alone has no colour: without a variant it renders as plain indented text.
BADGE = re.compile(r'class="([^"]*\bkern-badge\b[^"]*)"')
VARIANTS = {"kern-badge--info", "kern-badge--success", "kern-badge--warning", "kern-badge--danger"}


def test_every_kern_badge_in_the_templates_has_a_colour_variant():
    base = Path(settings.BASE_DIR)
    missing = []
    for template in base.glob("*/templates/**/*.html"):
        if ".venv" in template.parts or "node_modules" in template.parts:
            continue
        for match in BADGE.finditer(template.read_text(encoding="utf-8")):
            if not VARIANTS & set(match.group(1).split()):
                missing.append(f"{template.relative_to(base)}: {match.group(0)}")
    assert not missing, "\n".join(missing)


def test_partner_topics_render_as_info_badges(client):
    from tests.factories import PartnerFactory, TopicFactory

    PartnerFactory(topics=[TopicFactory(slug="visa", name_en="Visa")])
    html = client.get("/en/partners/").content.decode()
    assert '<span class="kern-badge kern-badge--small kern-badge--info">' in html
