"""Agency staff manage partners; everybody else (center editors included) sees none of them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AGENCY_STAFF = "Agency staff"
PERMISSIONS = {
    "partners": {
        "partner": ("view", "add", "change", "delete"),
        "cooperation": ("view", "add", "change", "delete"),
        "contactperson": ("view", "add", "change", "delete"),
        "topic": ("view", "add", "change"),
        "partnerkind": ("view",),
    },
    # The center autocomplete of the cooperation inline needs to read centers.
    "centers": {"center": ("view",)},
}


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    for app_label, models in PERMISSIONS.items():
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        for model, actions in models.items():
            for action in actions:
                yield Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )


def grant(apps, schema_editor):
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=AGENCY_STAFF)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=AGENCY_STAFF).first()
    if group:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_kinds_and_topics"),
        ("accounts", "0002_roles"),
        ("centers", "0002_federal_states"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
