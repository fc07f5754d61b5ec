from django.db import migrations


class Migration(migrations.Migration):
    """Existing occupations (SOC 2018 codes) are their own SOC detailed code."""

    dependencies = [("pathways", "0004_onet_bls_tables")]

    operations = [
        migrations.RunSQL(
            sql="UPDATE pathways_occupation SET soc_detailed = left(soc_code, 7) "
            "WHERE soc_detailed = ''",
            reverse_sql=migrations.RunSQL.noop,
        )
    ]
