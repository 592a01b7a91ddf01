"""Playwright driving Debian's Chromium against pytest-django's live server.

One Chromium for all browser tests (started by the first, stopped after the last); one fresh
context per test at a 1280 px or a 360 px wide viewport, with a request recorder attached.
"""

import io
import os
import shutil

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from tests.conftest import CHROMIUM

from .harness import SCREENSHOT_DIR, VIEWPORTS, RequestRecorder, Visitor

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
_timing = {"tests": 0, "seconds": 0.0}


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright's own fixtures, if used, launch Debian's Chromium (never a download)."""
    return {"executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="package")
def chromium():
    from playwright.sync_api import sync_playwright

    shutil.rmtree(SCREENSHOT_DIR, ignore_errors=True)
    # Playwright's sync API keeps an event loop in this thread; the tests' ORM calls are still
    # synchronous and safe. Only while Chromium runs: `check --deploy` refuses the variable.
    saved_env = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with sync_playwright() as playwright:
        # With Playwright's event loop running, Django hands this thread other connection
        # objects (asgiref's Local follows the loop's context); they need the database
        # snapshot that serialized rollback restores after each test.
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    if saved_env is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved_env


@pytest.fixture
def demo_data(django_db_serialized_rollback, transactional_db, tasks_in_process):
    """The demo data with its accounts; fresh rate limits; Celery tasks run in-process."""
    call_command("seed_demo", with_accounts=True, stdout=io.StringIO())
    cache.clear()
    yield
    cache.clear()


def _visitor(chromium, live_server, viewport: str, locale: str = "en-GB"):
    context = chromium.new_context(viewport=VIEWPORTS[viewport], locale=locale)
    context.set_default_timeout(5_000)
    recorder = RequestRecorder(live_server.url)
    context.route("**/*", recorder.handle)
    return context, Visitor(context.new_page(), live_server.url, viewport, recorder)


@pytest.fixture(params=list(VIEWPORTS), ids=lambda width: f"{width}px")
def visitor(request, chromium, live_server, demo_data):
    """A visitor in English at 1280 px and, as a second run of the test, at 360 px."""
    context, person = _visitor(chromium, live_server, request.param)
    yield person
    context.close()
    person.recorder.assert_only_live_server()


@pytest.fixture
def second_visitor(chromium, live_server, visitor):
    """Another person (own cookies) at the same width as `visitor`."""
    context, person = _visitor(chromium, live_server, visitor.viewport)
    yield person
    context.close()
    person.recorder.assert_only_live_server()


def pytest_runtest_logreport(report):
    if report.nodeid.startswith("tests/browser/"):
        _timing["seconds"] += report.duration
        _timing["tests"] += report.when == "call"


def pytest_terminal_summary(terminalreporter):
    if _timing["tests"]:
        terminalreporter.write_sep("-", "browser tests")
        terminalreporter.write_line(
            f"{_timing['tests']} browser tests ran in {_timing['seconds']:.1f} s "
            f"(setup and teardown included)"
        )
        terminalreporter.write_line(f"screenshots: {SCREENSHOT_DIR}")
