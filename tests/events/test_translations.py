"""Every string of the events pages has a German translation (English is the source)."""

from pathlib import Path

import polib

CATALOGUE = Path(__file__).parents[2] / "events/locale/de/LC_MESSAGES/django.po"
# The invitations' files have their own test; these are the meeting and registration pages.
OWN = (
    "models.py",
    "forms.py",
    "filters.py",
    "services.py",
    "meetings.py",
    "imports.py",
    "exports.py",
    "views.py",
    "manage_views.py",
    "participant_views.py",
    "admin.py",
    "apps.py",
    "templates/events/meeting",
    "templates/events/register",
    "templates/events/personal",
    "templates/events/unknown",
    "templates/events/includes",
    "templates/events/manage/",
)


def test_every_events_string_has_a_german_translation():
    missing = [
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if any(path.removeprefix("events/").startswith(OWN) for path, _line in entry.occurrences)
        and ("fuzzy" in entry.flags or not (entry.msgstr or entry.msgstr_plural.get(0)))
    ]
    assert missing == []


def test_every_translate_tag_of_the_events_templates_is_in_the_catalogue():
    """Guards against a catalogue extracted without the app's templates."""
    import re

    templates = Path(__file__).parents[2] / "events/templates/events"
    tag = re.compile(r"""\{% translate ["'](.+?)["'] %\}""")
    own = [p for p in templates.rglob("*.html") if p.parent.name not in ("invitations", "email")]
    wanted = {text for path in own for text in tag.findall(path.read_text())}
    translated = {e.msgid for e in polib.pofile(str(CATALOGUE)) if e.msgstr}
    assert wanted - translated == set()
