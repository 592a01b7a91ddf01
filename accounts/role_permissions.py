"""Granting a role's model permissions from a data migration.

Permissions are normally created after `migrate`; a data migration that grants them has to
create them first. Each app's migration states what the role may do with its models.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def _permissions(apps, app_label: str, actions_by_model: dict[str, tuple[str, ...]]):
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{a}_{model}" for model, actions in actions_by_model.items() for a in actions]
    found = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    if len(found) != len(codenames):
        missing = set(codenames) - {p.codename for p in found}
        raise LookupError(f"unknown permissions in {app_label}: {sorted(missing)}")
    return found


def grant_role_permissions(role: str, permissions: dict[str, dict[str, tuple[str, ...]]]):
    """A RunPython operation giving `role` (a group) `{app: {model: (actions…)}}`, reversibly."""

    def grant(apps, schema_editor):
        group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=role)
        for app_label, actions_by_model in permissions.items():
            group.permissions.add(*_permissions(apps, app_label, actions_by_model))

    def revoke(apps, schema_editor):
        group = apps.get_model("auth", "Group").objects.filter(name=role).first()
        if group:
            for app_label, actions_by_model in permissions.items():
                group.permissions.remove(*_permissions(apps, app_label, actions_by_model))

    return migrations.RunPython(grant, revoke)
