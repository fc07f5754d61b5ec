from django.db import migrations

# Search in English and Spanish, accent-insensitive: "seguridad informática" and
# "seguridad informatica" must match the same rows. Each configuration copies the built-in one
# and runs words through unaccent before stemming.
CREATE = """
CREATE TEXT SEARCH CONFIGURATION public.{name} ( COPY = pg_catalog.{base} );
ALTER TEXT SEARCH CONFIGURATION public.{name}
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, {base}_stem;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS public.{name};"


class Migration(migrations.Migration):
    dependencies = [
        ("careerportal", "0001_postgres_extensions"),
        ("credentials", "0002_cost_outcomes_comparison_index"),
    ]

    operations = [
        migrations.RunSQL(
            sql=CREATE.format(name=name, base=base), reverse_sql=DROP.format(name=name)
        )
        for name, base in (("english_unaccent", "english"), ("spanish_unaccent", "spanish"))
    ]
