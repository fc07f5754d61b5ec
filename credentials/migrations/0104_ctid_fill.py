"""Give every provider and credential a stable CTDL id (ce-<uuid>) where it has none."""

from django.db import migrations

FILL = "UPDATE {table} SET ctdl_id = 'ce-' || gen_random_uuid() WHERE ctdl_id = ''"


class Migration(migrations.Migration):
    dependencies = [("credentials", "0103_programs")]

    operations = [
        migrations.RunSQL(FILL.format(table=table), reverse_sql=migrations.RunSQL.noop)
        for table in ("credentials_provider", "credentials_credential")
    ]
