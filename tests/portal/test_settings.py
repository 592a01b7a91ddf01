"""The settings read the environment as the SPEC's table says, and refuse bad values clearly."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']"
    "['NAME']), 'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL, "
    "'cache': s.CACHES['default']['BACKEND'], 'mail': s.EMAIL_BACKEND, "
    "'mail_host': getattr(s, 'EMAIL_HOST', ''), 'mail_port': s.EMAIL_PORT, "
    "'cache_at': s.CACHES['default'].get('LOCATION', '')}))"
)
# The subprocesses see none of the variables under test, nor the browser tests' async switch.
UNDER_TEST = {"DATABASE_URL", "REDIS_URL", "EMAIL_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
CLEAN = {k: v for k, v in os.environ.items() if k not in UNDER_TEST}


def run(code: str, settings_module="welcome_portal.settings.dev", **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": settings_module, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_environment_the_embedded_defaults_apply():
    result = run(SHOW)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["db"] == "django.db.backends.sqlite3"
    assert shown["name"].endswith("var/welcome_portal.sqlite3")
    assert shown["eager"] is True
    assert shown["cache"].endswith("LocMemCache")
    assert shown["mail"] == "welcome_portal.email_backend.ConsoleAndFileBackend"


def test_environment_urls_configure_postgres_redis_and_smtp():
    result = run(
        SHOW,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal",
        REDIS_URL="redis://127.0.0.1:6379/3",
        EMAIL_URL="smtp://127.0.0.1:1025",
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["db"] == "django.db.backends.postgresql"
    assert shown["name"] == "portal"
    assert shown["eager"] is False
    assert shown["broker"] == "redis://127.0.0.1:6379/3"
    assert shown["cache"].endswith("RedisCache")
    assert shown["cache_at"] == "redis://127.0.0.1:6379/4"  # beside the broker, never the same
    assert shown["mail"].endswith("smtp.EmailBackend")
    assert (shown["mail_host"], shown["mail_port"]) == ("127.0.0.1", 1025)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "postgres://user@host:notaport/db"),
        ("DATABASE_URL", "nonsense"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
        ("REDIS_URL", "redis://127.0.0.1:port/0"),
        ("REDIS_URL", "redis://127.0.0.1:6379/queue"),
        ("EMAIL_URL", "smtp://127.0.0.1:abc"),
    ],
)
def test_malformed_url_stops_the_start_naming_the_variable(variable, value):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "welcome_portal.settings.dev", variable: value},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert variable in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("env", "missing"),
    [({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"), ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS")],
)
def test_prod_refuses_to_start_without_its_secrets(env, missing):
    clean = {k: v for k, v in CLEAN.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "welcome_portal.settings.prod", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert missing in result.stderr
    assert "Traceback" not in result.stderr


def test_prod_settings_pass_the_deployment_checklist():
    clean = {k: v for k, v in CLEAN.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "welcome_portal.settings.prod",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "example.org",
            "SITE_URL": "https://example.org",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_email_url_each_message_gets_a_file_of_its_own(tmp_path, capsys):
    from django.core import mail

    from welcome_portal.email_backend import ConsoleAndFileBackend

    backend = ConsoleAndFileBackend(file_path=tmp_path)
    messages = [
        mail.EmailMessage(f"Subject {n}", "Body", "portal@example.org", [f"p{n}@example.org"])
        for n in range(3)
    ]
    backend.open()
    assert backend.send_messages(messages) == 3
    backend.close()

    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 3
    assert sorted(f.read_text().count("Subject: Subject") for f in files) == [1, 1, 1]
    assert "Subject: Subject 2" in capsys.readouterr().out
