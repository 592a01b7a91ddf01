from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

# GIN indexes exist on PostgreSQL only; they are created here rather than in Model.Meta so that
# SQLite (which has neither GIN nor tsvector) can still build and alter the table.
INDEXES = [
    ("centers_center_search_vector_gin", "USING gin (search_vector)"),
    ("centers_center_name_trgm", "USING gin (name gin_trgm_ops)"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON centers_center {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("centers", "0003_center_directory_fields")]
    operations = [
        # Both are no-ops on databases other than PostgreSQL.
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
