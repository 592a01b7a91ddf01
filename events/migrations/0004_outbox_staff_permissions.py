"""Agency staff may look at invitations and outgoing e-mails in the admin (read-only there)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AGENCY_STAFF = "Agency staff"
CODENAMES = ("view_invitation", "view_outboxmessage")


def _permissions(apps):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="events", codename__in=CODENAMES)


def grant(apps, schema_editor):
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=AGENCY_STAFF)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=AGENCY_STAFF).first()
    if group:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("events", "0003_agency_staff_permissions")]
    operations = [migrations.RunPython(grant, revoke)]
