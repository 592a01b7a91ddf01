"""Every string of the events app has a German translation (English is the source).

The strings are extracted afresh from every module and template of the app, as `make
messages-events` does, in a copy of the app: a new file or a new string is covered without
naming it here.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).parents[2]
APP = ROOT / "events"
MAKEMESSAGES = ["--locale", "de", "--no-obsolete", "--extension", "html,txt,py"]


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> polib.POFile:
    copy = tmp_path_factory.mktemp("events") / "events"
    shutil.copytree(APP, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", *MAKEMESSAGES],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(copy / "locale/de/LC_MESSAGES/django.po"))


@pytest.mark.gettext
def test_every_string_of_the_events_app_has_a_german_translation(fresh_catalogue):
    missing = [
        f"{entry.occurrences[0][0]}: {entry.msgid}"
        for entry in fresh_catalogue
        if "fuzzy" in entry.flags or not (entry.msgstr or entry.msgstr_plural.get(0))
    ]
    assert missing == []


@pytest.mark.gettext
def test_the_extraction_covers_modules_templates_and_e_mails(fresh_catalogue):
    """Guards the test above against an extraction that silently found nothing."""
    files = {path.split("/")[0] for entry in fresh_catalogue for path, _ in entry.occurrences}
    assert {"services", "views", "models", "outbox", "templates"} <= files
    e_mails = {p for e in fresh_catalogue for p, _ in e.occurrences if "/email/" in p}
    assert any(p.endswith(".txt") for p in e_mails)
