from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Celery autodiscovers only tasks.py; the retention task lives beside the purge.
        from . import privacy_tasks  # noqa: F401
