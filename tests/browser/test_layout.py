"""Every public page type, looked at as people see it: at 390 and 1280 px, in German and
English, no page scrolls sideways and no word is broken across two lines."""

import pytest
from django.conf import settings

from events.models import Meeting
from partners.models import Partner

pytestmark = pytest.mark.browser

WIDTHS = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 900}}

# Words split over two line boxes: a Range per word (hyphens, slashes and dashes may end a
# line; e-mail addresses and web addresses may wrap where they must, they are not words).
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const skip = "script, style, noscript, .leaflet-container, .kern-sr-only, [hidden]";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !parent.getClientRects().length) continue;
    for (const match of node.textContent.matchAll(/[^\\s\\-\\u2010-\\u2015\\/]+/g)) {
      const word = match[0];
      if (word.length < 2 || /[@:]|\\w\\.\\w/.test(word)) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + word.length);
      const tops = new Set();
      for (const rect of range.getClientRects()) {
        if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      if (tops.size > 1) broken.push(word);
    }
  }
  return broken;
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Where the first result's heading ends, and how tall the header is (a phone's first screen).
FIRST_RESULT_BOTTOM = (
    "() => document.querySelector('main .kern-card h3').getBoundingClientRect().bottom"
)
# Selects that spill out of KERN's select box (48 px high) over the fields below them.
SPILLED_SELECTS = """() => [...document.querySelectorAll('.kern-form-input__select-wrapper')]
  .filter((box) => {
    const select = box.querySelector('select');
    return select && select.getBoundingClientRect().bottom > box.getBoundingClientRect().bottom + 1;
  })
  .map((box) => box.querySelector('select').name)"""
HEADER_HEIGHT = "() => document.querySelector('.site-header').getBoundingClientRect().height"
SEARCHES = ("centers/?q=Jena", "partners/?q=Goethe")


def public_pages() -> dict[str, str]:
    partner = Partner.objects.active().order_by("slug").first()
    meeting = Meeting.objects.public().order_by("starts_at").first()
    return {
        "home": "",
        "finder": "centers/",
        "finder-search": "centers/?q=Jena",
        "finder-filtered": "centers/?q=recognition+Leipzig&language=en",
        "center": "centers/welcome-center-thuringia/",
        "center-long-names": "centers/welcome-center-nuremberg-chamber-of-commerce/",
        "regions": "regions/",
        "region": "regions/DE-TH/",
        "partners": "partners/",
        "partner": f"partners/{partner.slug}/",
        "events": "events/",
        "event": f"events/{meeting.slug}/",
        "accessibility": "accessibility/",
        "privacy": "privacy/",
        "imprint": "imprint/",
    }


@pytest.mark.parametrize("width", list(WIDTHS), ids=lambda w: f"{w}px")
def test_public_pages_reflow_and_keep_words_whole(chromium, live_server, demo_data, width):
    context = chromium.new_context(viewport=WIDTHS[width])
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    page = context.new_page()
    problems = []
    try:
        for lang in ("de", "en"):
            for name, path in public_pages().items():
                page.goto(f"{live_server.url}/{lang}/{path}")
                overflow = page.evaluate(OVERFLOW)
                if overflow > 0:
                    problems.append(f"{lang} {name}: {overflow} px wider than {width} px")
                broken = page.evaluate(BROKEN_WORDS)
                if broken:
                    problems.append(f"{lang} {name}: words broken across lines: {broken[:8]}")
            for search in SEARCHES:
                page.goto(f"{live_server.url}/{lang}/{search}")
                bottom = page.evaluate(FIRST_RESULT_BOTTOM)
                if bottom > WIDTHS[width]["height"]:
                    problems.append(
                        f"{lang} {search}: the first result's name ends at {bottom:.0f}"
                    )
            header = page.evaluate(HEADER_HEIGHT)
            if width == "390" and header > 90:
                problems.append(f"{lang}: the header takes {header:.0f} px on a phone")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def organizer_pages(meeting) -> dict[str, str]:
    base = f"events/{meeting.slug}/manage"
    return {
        "my-meetings": "events/manage/",
        "dashboard": f"{base}/",
        "invitations": f"{base}/invitations/",  # the sending counts broke inside words
        "check-in": f"{base}/check-in/?q=a",
        "add-many": f"{base}/import/",
    }


@pytest.mark.parametrize("width", list(WIDTHS), ids=lambda w: f"{w}px")
def test_organizer_pages_reflow_and_keep_words_whole(
    chromium, live_server, demo_data, client, width
):
    meeting = Meeting.objects.filter(onsite_seats__isnull=False).order_by("-starts_at").first()
    client.force_login(meeting.organizers.get(email="organizer@example.org"))
    context = chromium.new_context(viewport=WIDTHS[width])
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    problems = []
    try:
        for lang in ("de", "en"):
            for name, path in organizer_pages(meeting).items():
                response = page.goto(f"{live_server.url}/{lang}/{path}")
                assert response.url.endswith(path), f"{name} led to {response.url}"
                overflow = page.evaluate(OVERFLOW)
                if overflow > 0:
                    problems.append(f"{lang} {name}: {overflow} px wider than {width} px")
                broken = page.evaluate(BROKEN_WORDS)
                if broken:
                    problems.append(f"{lang} {name}: words broken across lines: {broken[:8]}")
                spilled = page.evaluate(SPILLED_SELECTS)
                if spilled:
                    problems.append(f"{lang} {name}: selects over the fields below: {spilled}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_word_broken_inside_and_allows_hyphens_and_addresses(chromium):
    """The control: KERN's narrow description list as it broke "Host organisati on"."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.set_content(
            '<div style="width: 90px; word-break: break-word">Landesentwicklungsgesellschaft'
            " Baden-Württemberg info@welcome-center-thuringia.example.org</div>"
            "<p>Words that fit stay whole.</p>"
        )
        assert page.evaluate(BROKEN_WORDS) == ["Landesentwicklungsgesellschaft"]
    finally:
        page.close()
