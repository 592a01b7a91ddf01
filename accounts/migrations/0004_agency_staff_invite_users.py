"""Agency staff create accounts (the person sets the password from the e-mailed link)."""

from django.db import migrations

from accounts.role_permissions import grant_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_personal_data_access"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        grant_role_permissions("Agency staff", {"accounts": {"user": ("view", "add", "change")}})
    ]
