import secrets

from django.db import migrations, models

import events.models.meetings


def fill_tokens(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    rows = list(Registration.objects.only("pk"))
    for row in rows:
        row.checkin_token = secrets.token_urlsafe(24)
    Registration.objects.bulk_update(rows, ["checkin_token"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("events", "0005_addressee_fields_shared")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="checkin_token",
            field=models.CharField(
                editable=False, max_length=64, null=True, verbose_name="check-in token"
            ),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="checkin_token",
            field=models.CharField(
                default=events.models.meetings.new_token,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="check-in token",
            ),
        ),
    ]
