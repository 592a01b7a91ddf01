"""Agency staff keep the center directory: centers with their hours and contacts, services and
languages; the 16 states they may only read and rename."""

from django.db import migrations

from accounts.role_permissions import grant_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("centers", "0006_center_name_index"),
        ("accounts", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        grant_role_permissions(
            "Agency staff",
            {
                "centers": {
                    "center": ("view", "add", "change", "delete"),
                    "openinghours": ("view", "add", "change", "delete"),
                    "contactperson": ("view", "add", "change", "delete"),
                    "service": ("view", "add", "change"),
                    "language": ("view", "add", "change"),
                    "state": ("view", "change"),
                }
            },
        )
    ]
