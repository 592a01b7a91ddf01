from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from .pagecache import page_cache_bump

# Saves that change a public page, by app: model names (None: every model of the app).
PAGE_SOURCES = {
    "centers": (None, ("directory", "events")),
    "partners": (None, ("directory", "events")),
    "events": ({"meeting", "session", "speaker", "registration"}, ("events",)),
}
# Models whose saves raise a scope more than their app's: a meeting's row is kept on its own.
MORE_SCOPES = {("events", "meeting"): ("meetings",)}


def _bump_page_cache(sender, **kwargs):
    # Cache plumbing, not business logic: whichever way a center, partner, meeting, session or
    # seat count is saved (service, admin, import), the pages showing it must not be served
    # stale. Bulk writes send no signals; their services bump the version themselves.
    source = PAGE_SOURCES.get(sender._meta.app_label)
    if source and (source[0] is None or sender._meta.model_name in source[0]):
        more = MORE_SCOPES.get((sender._meta.app_label, sender._meta.model_name), ())
        page_cache_bump(*source[1], *more)


def _new_release(sender, **kwargs):
    # A release runs `migrate`: pages and their parts kept with the old templates and code
    # (cards, forms, a center's page) are stale from then on, whatever the data did.
    page_cache_bump()


class WelcomePortalConfig(AppConfig):
    name = "welcome_portal"
    verbose_name = "Welcome Portal"

    def ready(self):
        post_save.connect(_bump_page_cache, dispatch_uid="page-cache-save")
        post_delete.connect(_bump_page_cache, dispatch_uid="page-cache-delete")
        m2m_changed.connect(_bump_page_cache, dispatch_uid="page-cache-m2m")
        # Sent once per app with models: the directory's own stands for the release.
        directory = apps.get_app_config("centers")
        post_migrate.connect(_new_release, sender=directory, dispatch_uid="page-cache-release")
