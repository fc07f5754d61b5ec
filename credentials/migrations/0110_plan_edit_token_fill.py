"""Give each existing plan its own random edit token (its old link becomes view-only)."""

import secrets

from django.db import migrations


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    Plan = apps.get_model("credentials", "Plan")
    for plan in Plan.objects.filter(edit_token__isnull=True).only("pk").iterator():
        Plan.objects.filter(pk=plan.pk).update(edit_token=secrets.token_urlsafe(16))


class Migration(migrations.Migration):
    dependencies = [("credentials", "0109_plan_edit_token")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
