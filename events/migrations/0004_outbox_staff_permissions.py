"""Agency staff may look at invitations and outgoing e-mails in the admin (read-only there)."""

from django.db import migrations

from accounts.role_permissions import grant_role_permissions


class Migration(migrations.Migration):
    dependencies = [("events", "0003_agency_staff_permissions")]
    operations = [
        grant_role_permissions(
            "Agency staff", {"events": {"invitation": ("view",), "outboxmessage": ("view",)}}
        )
    ]
