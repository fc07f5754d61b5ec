from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Enable the extensions search relies on: pg_trgm (typo-tolerant matching) and unaccent."""

    initial = True
    dependencies: list[tuple[str, str]] = []
    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        # unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes and generated columns use it.
        migrations.RunSQL(
            sql="""
            CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
            """,
            reverse_sql="DROP FUNCTION IF EXISTS immutable_unaccent(text);",
        ),
    ]
