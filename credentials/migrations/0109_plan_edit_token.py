"""Plans get a separate edit link: the column first, empty for the plans that exist."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("credentials", "0108_merge_ctdl_index_stale_marks")]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="edit_token",
            field=models.CharField(editable=False, max_length=43, null=True),
        ),
    ]
