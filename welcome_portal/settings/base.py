"""Settings shared by every environment; everything site-specific comes from the environment."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import xstatic.pkg.leaflet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from welcome_portal.rates import parse_rate

from .env import (
    ConfigurationError,
    cache_url_beside,
    database_from_env,
    email_from_env,
    env_bool,
    env_list,
    env_str,
    redis_url_from_env,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Public writes (registration, link resend, invitation answers, feedback) per client address.
REGISTRATION_RATE_LIMIT = env_str("REGISTRATION_RATE_LIMIT", "20/h")
try:
    parse_rate(REGISTRATION_RATE_LIMIT)
except ImproperlyConfigured as exc:
    raise ConfigurationError(str(exc)) from None

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "django_htmx",
    "django_countries",
    "import_export",
    "simple_history",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "welcome_portal",
    "accounts",
    "centers",
    "partners",
    "events",
    "feedback",
    "api",
]

MIDDLEWARE = [
    "welcome_portal.observability.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and auth: a hit for an anonymous visitor skips them all.
    "welcome_portal.pagecache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware; /accounts/…?next=/de/… speaks the language of `next`.
    "welcome_portal.page_language.PageLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireSecondFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "welcome_portal.urls"
WSGI_APPLICATION = "welcome_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "welcome_portal.context_processors.portal",
                "welcome_portal.context_processors.tools",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(VAR_DIR / "welcome_portal.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"

# django-allauth: e-mail is the login, and it must be verified before the first login.
# Accounts by invitation only (accounts.adapter): no public sign-up, links from SITE_URL.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Welcome Portal] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key,20/5m/ip",
}
ACCOUNT_REAUTHENTICATION_REQUIRED = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Welcome Portal"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
# App catalogues first: makemessages files each string under the first path that contains it.
LOCALE_PATHS = [
    *(
        BASE_DIR / app / "locale"
        for app in ("accounts", "centers", "partners", "events", "feedback", "api")
    ),
    BASE_DIR / "locale",
]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("kern", BASE_DIR / "node_modules/@kern-ux/native/dist"),
    ("jsqr", BASE_DIR / "node_modules/jsqr/dist"),
    ("leaflet", Path(xstatic.pkg.leaflet.BASE_DIR)),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# Celery and the cache: Redis when REDIS_URL is set, otherwise in-process tasks and a local cache.
REDIS_URL = redis_url_from_env()
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
    CACHES = {
        "default": {
            # Answers like an empty cache while Redis is unreachable (welcome_portal/cache.py).
            "BACKEND": "welcome_portal.cache.FailSoftRedisCache",
            # The next database of the same server: clearing the cache never drops queued tasks.
            "LOCATION": cache_url_beside(REDIS_URL),
            "KEY_PREFIX": "welcome-portal",
            # Public pages look the cache up on every request: a hung Redis must not hang them.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# With Redis down, a publish fails at once instead of retrying for seconds (the organizer's
# request answers; its rows wait in the outbox for the sweep); a hung Redis costs a second.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than the longest retry delay, so that an unacknowledged task is not redelivered early.
    "visibility_timeout": 2 * 60 * 60,
    "max_retries": 0,
    "socket_connect_timeout": 1,
    "socket_timeout": 1,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# The worker reconnects every few seconds, for as long as it takes, and sweeps the outbox each
# time it has connected (welcome_portal/worker.py).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_CONSUMER = "welcome_portal.worker:Consumer"
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}
# Events: anonymise registrations of meetings past their retention period, once a day.
CELERY_BEAT_SCHEDULE["events-purge-personal-data"] = {
    "task": "events.purge_personal_data",
    "schedule": 24 * 60 * 60.0,
}
# Invitations and reminders (events): one SMTP connection per batch; temporary SMTP errors are
# retried with exponential backoff (capped well below the visibility timeout above). The sweep
# (events/outbox/recovery.py) hands out again rows held by a worker process that stopped
# beating, pending rows whose task was lost, and rows held longer than INVITATION_STUCK_AFTER
# by a process that never beat (in-process sends).
INVITATION_BATCH_SIZE = 100
INVITATION_RETRY_DELAY = 30.0
INVITATION_RETRY_MAX_DELAY = 30 * 60.0
INVITATION_MAX_ATTEMPTS = 8
INVITATION_STUCK_AFTER = 5 * 60.0
OUTBOX_PENDING_AFTER = 20.0  # pending and due this long: its task was lost, enqueue it again
OUTBOX_HEARTBEAT_INTERVAL = 5.0  # each sending process writes its heartbeat this often
OUTBOX_WORKER_GONE_AFTER = 20.0  # no heartbeat for this long: its claims are released
OUTBOX_SWEEP_INTERVAL = 20.0
INVITATION_REMINDER_DAYS = (7, 2)  # before registration closes; at most two reminders
PARTICIPANT_REMINDER_DAYS = (2,)  # before the meeting starts
CELERY_BEAT_SCHEDULE["events-sweep-outbox"] = {
    "task": "events.sweep_outbox",
    "schedule": OUTBOX_SWEEP_INTERVAL,
}
CELERY_BEAT_SCHEDULE["events-reminders"] = {"task": "events.send_due_reminders", "schedule": 900.0}

# E-mail: SMTP from EMAIL_URL, otherwise the console and one file per message under var/mail/.
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Welcome Portal <noreply@welcome-portal.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "welcome_portal.email_backend.ConsoleAndFileBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_TIMEOUT = 10
globals().update(email_from_env())

# Public writes (registration, personal link again, invitation answers, feedback) per client
# address and meeting: "20/h", "5/10m" or "off" (benchmarks, load tests).
REGISTRATION_RATE_LIMIT = env_str("REGISTRATION_RATE_LIMIT", "20/h").strip().lower()
if not re.fullmatch(r"off|\d+/\d*[smhd]", REGISTRATION_RATE_LIMIT):
    raise ConfigurationError(
        f"REGISTRATION_RATE_LIMIT must be a rate such as 20/h or off: {REGISTRATION_RATE_LIMIT!r}"
    )

MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
MAP_TILE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL.replace("{s}", "*")))

# Prometheus metrics at /metrics: only with this bearer token, or only on loopback when unset.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=True)

DEMO_PASSWORD = env_str("DEMO_PASSWORD", "welcome-demo-2026")
DEMO_TOTP_SECRET = env_str("DEMO_TOTP_SECRET", "JBSWY3DPEHPK3PXP")

# Security headers that hold in every environment; prod.py adds the HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "welcome_portal.views.csrf_failure"
LANGUAGE_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", MAP_TILE_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The open-data API (api/): anonymous and read-only, throttled per client address on the shared
# cache; API_RATE_LIMIT is "<n>/<s|m|h|d>" or "off".
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/m")
if API_RATE_LIMIT != "off" and not re.fullmatch(r"\d+/[smhd]", API_RATE_LIMIT):
    raise ConfigurationError(f"API_RATE_LIMIT must be like 120/m or off, not {API_RATE_LIMIT!r}.")
API_CACHE_SECONDS = 300
_proxy_count = env_str("ALLAUTH_TRUSTED_PROXY_COUNT")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # The client's address for throttling: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.
    "NUM_PROXIES": int(_proxy_count) if _proxy_count.isdigit() else 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Welcome Portal open data",
    "DESCRIPTION": (
        "Read-only data of the German network of Welcome Centers: the Welcome Centers, their "
        "partners and the public meetings of the network. Field names follow Open Referral's "
        "Human Services Data Specification (HSDS 3) where they fit; texts come in German and "
        "English. Anonymous clients are throttled per address (429 with Retry-After)."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {
        "name": "Datenlizenz Deutschland \N{EN DASH} Namensnennung \N{EN DASH} Version 2.0",
        "url": "https://www.govdata.de/dl-de/by-2-0",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.describe_operations",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # One line per request: prod.py turns it on (runserver and gunicorn print their own).
    "loggers": {"portal.request": {"level": "WARNING"}},
}
