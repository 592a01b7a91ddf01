"""What every browser test uses: a keyboard-only visitor, a request recorder, axe, screenshots."""

import base64
import fnmatch
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import Locator, Page

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VIEWPORTS = {"1280": {"width": 1280, "height": 900}, "360": {"width": 360, "height": 760}}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A 1x1 transparent PNG: map tiles are answered locally, the tile server is never contacted.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII="
)

_axe = Axe()
# Widgets that Django's admin ships with ARIA faults of their own (not our markup): select2's
# empty autocomplete box has no accessible name, and SelectFilter2 puts aria-label on a bare
# span. axe skips exactly these nodes, and only on /admin/ pages.
ADMIN_UPSTREAM_FAULTS = [".select2-selection", ".select2-selection__rendered", ".help-tooltip"]


def totp_code() -> str:
    """The demo accounts' current TOTP code, never one about to expire."""
    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.1)
    counter = int(time.time()) // 30
    return format_hotp_value(hotp_value(settings.DEMO_TOTP_SECRET, counter))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RequestRecorder:
    """Sees every request of a browser context; lets through only the live server's.

    Anything else is aborted and remembered, except map tiles once the visitor asked for the
    map: those get a blank tile, so that no test ever talks to a real tile server.
    """

    def __init__(self, live_origin: str):
        self.live_origin = live_origin
        self.tile_origin = settings.MAP_TILE_ORIGIN
        self.map_requested = False
        self.seen: list[str] = []
        self.foreign: list[str] = []
        self._reported = 0
        self.tiles: list[str] = []

    def handle(self, route, request):
        url = request.url
        self.seen.append(url)
        if _origin(url) == self.live_origin:
            route.continue_()
        elif self.map_requested and fnmatch.fnmatch(_origin(url), self.tile_origin):
            self.tiles.append(url)
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
        else:
            self.foreign.append(url)
            route.abort()

    def assert_only_live_server(self):
        """Fails once for each foreign request (a page check, then the test's end)."""
        new = self.foreign[self._reported :]
        self._reported = len(self.foreign)
        if new:
            listed = "\n  ".join(new)
            pytest.fail(f"requests to another host than {self.live_origin}:\n  {listed}")


def _axe_report(violations: list[dict]) -> str:
    lines = [f"{len(violations)} WCAG 2.1 A/AA violation(s) found by axe-core:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"       {node['failureSummary']}".replace("\n", " "))
    return "\n".join(lines)


def assert_accessible(page: Page, exclude: list[str] = (), contrast: bool = True):
    """axe-core with the WCAG 2 A/AA rules: zero violations, or a readable list of them.

    Playwright's evaluate runs the bundled axe.min.js through the DevTools protocol, which the
    page's Content-Security-Policy (script-src 'self') does not block.
    """
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    if not contrast:
        options["rules"] = {"color-contrast": {"enabled": False}}
    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]}
    results = _axe.run(page, context=context if exclude else None, options=options)
    violations = results.response["violations"]
    if violations:
        pytest.fail(f"{page.url}\n{_axe_report(violations)}", pytrace=False)


class Visitor:
    """One person in one browser tab, at one viewport width, using the keyboard only."""

    def __init__(self, page: Page, base_url: str, viewport: str, recorder: RequestRecorder):
        self.page = page
        self.base_url = base_url
        self.viewport = viewport
        self.recorder = recorder

    def open(self, path: str):
        """Arrive by typing an address (or following a link from an e-mail)."""
        self.page.goto(self.base_url + path)

    @property
    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def tab_to(self, target: Locator, max_tabs: int = 120) -> Locator:
        """Press Tab until `target` has the focus (fails if it never gets it); check it shows."""
        target = target.first
        target.wait_for(state="attached")
        self._open_disclosure_around(target)
        handle = target.element_handle()
        for _ in range(max_tabs):
            self.page.keyboard.press("Tab")
            if self.page.evaluate("el => el === document.activeElement", handle):
                self._assert_focus_visible(handle)
                return target
        pytest.fail(f"{max_tabs} presses of Tab never reached {target} on {self.page.url}")

    def _open_disclosure_around(self, target: Locator):
        """A control in a closed <details> (the phone's "Menu", the folded filters) is reached as
        people reach it: Tab to the summary and press Enter."""
        folded = target.evaluate(
            """el => { const d = el.closest("details:not([open])");
                       return !!d && !d.querySelector(":scope > summary").contains(el); }"""
        )
        summary = target.locator("xpath=ancestor::details[not(@open)][1]/summary")
        if folded and summary.first.is_visible():
            self.tab_to(summary)
            self.page.keyboard.press("Enter")

    def _assert_focus_visible(self, handle):
        shows = self.page.evaluate(
            """el => [null, '::after'].some(pseudo => {  // KERN's card links ring the card
                const s = getComputedStyle(el, pseudo);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                    || s.boxShadow !== 'none'; })""",
            handle,
        )
        assert shows, f"the focused element shows no focus indicator on {self.page.url}"

    def nav_link(self, name: str) -> Locator:
        """A link of the main navigation, also while it is folded behind "Menu" on a phone
        (`tab_to` opens the menu as people do)."""
        nav = self.page.locator("nav.site-nav")
        return nav.get_by_role("link", name=name, exact=True, include_hidden=True)

    def activate(self, target: Locator, key: str = "Enter"):
        """Tab to a button or control and press Enter (or Space); no page load expected."""
        self.tab_to(target)
        self.page.keyboard.press(key)

    def follow(self, target: Locator, key: str = "Enter", max_tabs: int = 120):
        """Tab to a link or submit button, press Enter (or Space) and wait for the next page."""
        self.tab_to(target, max_tabs)
        with self.page.expect_navigation():
            self.page.keyboard.press(key)

    def fill(self, target: Locator, text: str):
        """Tab to a text field, clear it by keyboard and type."""
        self.tab_to(target)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(text)

    def choose(self, select: Locator, label: str):
        """Pick an option of a <select> by typing its label, as keyboard users do.

        Chromium forgets typed letters after a second; on a very busy machine the arrow keys
        then walk to the option instead.
        """
        self.tab_to(select)
        self.page.keyboard.type(label)
        chosen = select.first.evaluate("el => el.selectedOptions[0]?.textContent.trim()")
        if chosen != label:
            labels = [text.strip() for text in select.first.locator("option").all_inner_texts()]
            assert label in labels, f"no option {label!r} in {labels}"
            self.page.keyboard.press("Home")
            for _ in range(labels.index(label)):
                self.page.keyboard.press("ArrowDown")
            chosen = select.first.evaluate("el => el.selectedOptions[0]?.textContent.trim()")
        assert chosen == label, f"the keyboard chose {chosen!r} instead of {label!r}"

    def show_map(self):
        """Ask for the map; from now on (and only now) map tiles may be requested."""
        self.recorder.map_requested = True
        self.activate(self.page.get_by_role("button", name=re.compile("Show map|Karte zeigen")))

    def check(self, name: str):
        """A page type: no third-party request so far, no axe violation, a screenshot."""
        self.page.wait_for_load_state()
        self.recorder.assert_only_live_server()
        in_admin = urlsplit(self.page.url).path.startswith("/admin/")
        # Colours do not change with the width; the contrast rule (half of axe's time) runs
        # in the 1280 px run, every other rule in both.
        assert_accessible(
            self.page,
            exclude=ADMIN_UPSTREAM_FAULTS if in_admin else [],
            contrast=self.viewport == "1280",
        )
        # The admin's layout is Django's (django-import-export's preview table is wider).
        if self.viewport == "360" and not in_admin:
            self.assert_no_horizontal_scrolling()
        self.screenshot(name)

    def assert_no_horizontal_scrolling(self):
        """WCAG 1.4.10 Reflow: at a phone's width the page never scrolls sideways.

        Wide tables may scroll inside their own focusable region; the page itself may not.
        """
        overflow = self.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{self.page.url} is {overflow} px wider than the 360 px viewport"

    def screenshot(self, name: str):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOT_DIR / f"{name}-{self.viewport}px.jpg"
        self.page.screenshot(path=path, full_page=True, type="jpeg", quality=80)
