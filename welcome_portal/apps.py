from django.apps import AppConfig


class WelcomePortalConfig(AppConfig):
    name = "welcome_portal"
    verbose_name = "Welcome Portal"
