"""The report's models move from hiringdata to this app: state only, the tables stay as they are.

The tables were created by hiringdata 0100 (and frozen by 0101's triggers); hiringdata 0103
removes the models from hiringdata's state after this migration adds them here.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("alliance", "0002_audit_log"),
        ("hiringdata", "0102_merge_submissions_and_reports"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name="TransparencyReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField()),
                ("version", models.PositiveSmallIntegerField()),
                ("status", models.CharField(choices=[("draft", "Draft"), ("published", "Published")], default="draft", max_length=10)),
                ("built_at", models.DateTimeField()),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                ("input_fingerprint", models.CharField(max_length=64)),
                ("summary", models.JSONField(default=dict)),
                ("is_synthetic", models.BooleanField(default=False)),
                ("built_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("published_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={"db_table": "hiringdata_transparencyreport", "ordering": ["-year", "-version"]},
        ),
        migrations.CreateModel(
            name="ReportTable",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.SlugField(max_length=120)),
                ("position", models.PositiveSmallIntegerField()),
                ("passed", models.BooleanField()),
                ("dropped_reason", models.CharField(blank=True, max_length=40)),
                ("data", models.JSONField(default=dict)),
                ("audit", models.JSONField(default=dict)),
                ("member", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="alliance.member")),
                ("report", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="tables", to="transparency.transparencyreport")),
            ],
            options={"db_table": "hiringdata_reporttable", "ordering": ["report", "position"]},
        ),
        migrations.AddConstraint(
            model_name="transparencyreport",
            constraint=models.UniqueConstraint(fields=("year", "version"), name="report_one_version_number"),
        ),
        migrations.AddConstraint(
            model_name="transparencyreport",
            constraint=models.CheckConstraint(condition=models.Q(("status", "draft"), ("published_at__isnull", False), _connector="OR"), name="report_published_has_date"),
        ),
        migrations.AddConstraint(
            model_name="reporttable",
            constraint=models.UniqueConstraint(fields=("report", "key"), name="reporttable_key_once"),
        ),
        migrations.AddConstraint(
            model_name="reporttable",
            constraint=models.CheckConstraint(condition=models.Q(("passed", False), ("dropped_reason", ""), _connector="OR"), name="reporttable_passed_not_dropped"),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])
    ]
