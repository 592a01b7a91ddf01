"""Reading the environment: each variable the README lists, validated with a clear message.

A bad value stops the start with one line naming the variable (SystemExit), never a traceback.
"""

import os
from urllib.parse import urlsplit

import dj_database_url


class ConfigurationError(SystemExit):
    def __init__(self, message: str):
        super().__init__(f"Configuration error: {message}")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = env_str(name)
    if not raw:
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {raw!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env_str(name)
    return [item.strip() for item in raw.split(",") if item.strip()] if raw else default


def database_from_env(default_sqlite_path) -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        default_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for malformed URLs
        raise ConfigurationError(f"DATABASE_URL is not a valid database URL ({exc}).") from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise ConfigurationError("DATABASE_URL is not a valid database URL (no database name).")
    return config


def redis_url_from_env() -> str:
    url = env_str("REDIS_URL")
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise ConfigurationError(f"REDIS_URL is not a valid Redis URL ({exc}).") from None
    if parts.scheme not in {"redis", "rediss"} or not parts.hostname:
        raise ConfigurationError(
            "REDIS_URL is not a valid Redis URL: expected redis://host:port/db."
        )
    if not parts.path.strip("/").isdigit() and parts.path.strip("/"):
        raise ConfigurationError(
            "REDIS_URL is not a valid Redis URL: the database must be a number."
        )
    return url


def cache_url_beside(redis_url: str) -> str:
    """The same Redis server, the database after the broker's (0 → 1, 15 → 0)."""
    parts = urlsplit(redis_url)
    db = int(parts.path.strip("/") or 0)
    return parts._replace(path=f"/{(db + 1) % 16}").geturl()


def email_from_env() -> dict:
    url = env_str("EMAIL_URL")
    if not url:
        return {}
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ConfigurationError(f"EMAIL_URL is not a valid e-mail URL ({exc}).") from None
    if parts.scheme not in {"smtp", "smtps", "smtp+tls"} or not parts.hostname:
        raise ConfigurationError("EMAIL_URL is not a valid e-mail URL: expected smtp://host:port.")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": parts.username or "",
        "EMAIL_HOST_PASSWORD": parts.password or "",
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
    }
