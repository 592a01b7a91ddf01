"""Agency staff read the barrier reports (and delete them once handled)."""

from django.db import migrations

from accounts.role_permissions import grant_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        grant_role_permissions("Agency staff", {"feedback": {"barrierreport": ("view", "delete")}})
    ]
