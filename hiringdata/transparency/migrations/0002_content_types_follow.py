"""Data: the report models' content types (and so their permissions) follow them to this app."""

from django.db import migrations

MODELS = ("transparencyreport", "reporttable")


def relabel(old: str, new: str):
    def run(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        # On a fresh database none exist yet; post_migrate creates them under the new label.
        if not content_type.objects.filter(app_label=new, model__in=MODELS).exists():
            content_type.objects.filter(app_label=old, model__in=MODELS).update(app_label=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("transparency", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            relabel("hiringdata", "transparency"), relabel("transparency", "hiringdata")
        )
    ]
