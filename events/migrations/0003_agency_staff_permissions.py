"""Agency staff keep meetings, programmes and registrations in the admin (the back office)."""

from django.db import migrations

from accounts.role_permissions import grant_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_invitations"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        grant_role_permissions(
            "Agency staff",
            {
                "events": {
                    "meeting": ("view", "add", "change", "delete"),
                    "session": ("view", "add", "change", "delete"),
                    "speaker": ("view", "add", "change", "delete"),
                    # Registrations are added on the organizer's dashboard, under the capacity rules.
                    "registration": ("view", "change", "delete"),
                }
            },
        )
    ]
