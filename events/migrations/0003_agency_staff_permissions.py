"""Agency staff keep meetings, programmes and registrations in the admin (the back office)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AGENCY_STAFF = "Agency staff"
PERMISSIONS = {
    "meeting": ("view", "add", "change", "delete"),
    "session": ("view", "add", "change", "delete"),
    "speaker": ("view", "add", "change", "delete"),
    # Registrations are added on the organizer's dashboard, under the capacity rules.
    "registration": ("view", "change", "delete"),
}


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for model, actions in PERMISSIONS.items():
        for action in actions:
            yield Permission.objects.get(
                content_type__app_label="events", codename=f"{action}_{model}"
            )


def grant(apps, schema_editor):
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=AGENCY_STAFF)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=AGENCY_STAFF).first()
    if group:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_invitations"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
