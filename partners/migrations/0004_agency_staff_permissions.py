"""Agency staff manage partners; everybody else (center editors included) sees none of them."""

from django.db import migrations

from accounts.role_permissions import grant_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_kinds_and_topics"),
        ("accounts", "0002_roles"),
        ("centers", "0002_federal_states"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        grant_role_permissions(
            "Agency staff",
            {
                "partners": {
                    "partner": ("view", "add", "change", "delete"),
                    "cooperation": ("view", "add", "change", "delete"),
                    "contactperson": ("view", "add", "change", "delete"),
                    "topic": ("view", "add", "change"),
                    "partnerkind": ("view",),
                },
                # The center autocomplete of the cooperation inline needs to read centers.
                "centers": {"center": ("view",)},
            },
        )
    ]
