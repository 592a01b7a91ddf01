"""Tests: fast hashing, mail in memory, the same database and broker as configured."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
# The open-data API's throttle counts per address on the shared cache, and every test client is
# 127.0.0.1: tests of the throttle set a limit themselves (override_settings).
API_RATE_LIMIT = "off"
# Tests register hundreds of people from one address; the limit's own tests switch it on.
REGISTRATION_RATE_LIMIT = "off"
