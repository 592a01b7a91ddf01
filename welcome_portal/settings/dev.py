"""Development: the embedded defaults (SQLite, in-process tasks, mail to console and files)."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, env_bool
from .env import ConfigurationError

DEBUG = env_bool("DEBUG", default=True)
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigurationError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
