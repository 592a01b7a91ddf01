"""Every absolute link comes from SITE_URL, and `make run` derives it from PORT."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings

from tests.events.conftest import register
from tests.factories import MeetingFactory

ROOT = Path(__file__).resolve().parents[2]


def run_command(**env) -> str:
    """The command `make run` would serve with (dry run: nothing is built or started)."""
    out = subprocess.run(
        ["make", "-n", "run", *(f"{k}={v}" for k, v in env.items())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return next(line for line in out.splitlines() if "runserver" in line)


def test_make_run_sets_site_url_from_port_unless_given():
    assert "SITE_URL=http://127.0.0.1:8123 " in run_command(PORT="8123")
    given = run_command(PORT="8123", SITE_URL="https://portal.example.org")
    assert "SITE_URL=https://portal.example.org " in given


@pytest.mark.django_db
@override_settings(SITE_URL="http://127.0.0.1:8123")
def test_e_mail_links_use_the_port_the_portal_runs_on(
    tasks_in_process, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory()
    with django_capture_on_commit_callbacks(execute=True):
        register(meeting, "a@example.org")

    [message] = mail.outbox
    links = re.findall(r"https?://[^\s\"'<>]+", message.body)
    assert links
    assert all(link.startswith("http://127.0.0.1:8123/") for link in links)


@pytest.mark.django_db
def test_e_mails_can_be_answered_and_name_the_imprint(
    tasks_in_process, django_capture_on_commit_callbacks, settings
):
    from tests.factories import UserFactory

    meeting = MeetingFactory()
    meeting.organizers.add(UserFactory(email="organizer@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        register(meeting, "a@example.org", language="en")

    [message] = mail.outbox
    assert message.reply_to == ["organizer@example.org"]
    assert f"Imprint: {settings.SITE_URL}/en/imprint/" in message.body
    assert "do not reply" not in message.body + message.alternatives[0][0]
