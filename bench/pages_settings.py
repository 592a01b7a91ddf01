"""Settings for bench_pages: production settings plus a bare view behind the same middleware."""

from welcome_portal.settings.prod import *  # noqa: F403

ROOT_URLCONF = "bench.pages_urls"
