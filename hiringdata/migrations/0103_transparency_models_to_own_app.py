"""The report's models now live in hiringdata.transparency: state only, no table changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("hiringdata", "0102_merge_submissions_and_reports"),
        ("transparency", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ReportTable"),
                migrations.DeleteModel(name="TransparencyReport"),
            ],
            database_operations=[],
        )
    ]
