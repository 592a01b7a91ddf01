"""Production: refuses to start without its secrets; passes `check --deploy`."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, LOGGING, SECRET_KEY, SITE_URL, env_bool, env_str
from .env import ConfigurationError

DEBUG = env_bool("DEBUG", default=False)
if not SECRET_KEY:
    raise ConfigurationError("SECRET_KEY must be set (a long random string) when DEBUG is off.")
if not ALLOWED_HOSTS:
    raise ConfigurationError("ALLOWED_HOSTS must be set (comma-separated host names).")
# Every absolute link (e-mails, calendar, QR codes, password reset) is built from SITE_URL.
_site = urlsplit(SITE_URL)
if _site.scheme != "https" or not _site.netloc or not env_str("SITE_URL"):
    raise ConfigurationError("SITE_URL must be set to the portal's https:// address.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Behind a TLS-terminating proxy, set SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO.
if proxy_header := env_str("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (proxy_header, "https")
if proxy_count := env_str("ALLAUTH_TRUSTED_PROXY_COUNT"):
    ALLAUTH_TRUSTED_PROXY_COUNT = int(proxy_count)

# JSON lines on stderr: one per request (portal.request) and one per e-mail batch.
LOGGING["formatters"] = {"json": {"()": "welcome_portal.observability.JsonFormatter"}}
LOGGING["handlers"]["console"]["formatter"] = "json"
LOGGING["loggers"]["portal.request"]["level"] = env_str("REQUEST_LOG_LEVEL", "INFO")
