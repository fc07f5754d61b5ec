"""The edit token is required and unique once every plan has one."""

from django.db import migrations, models

import credentials.plans.models


class Migration(migrations.Migration):
    dependencies = [("credentials", "0110_plan_edit_token_fill")]

    operations = [
        migrations.AlterField(
            model_name="plan",
            name="edit_token",
            field=models.CharField(
                default=credentials.plans.models.plan_token_new,
                editable=False,
                max_length=43,
                unique=True,
            ),
        ),
    ]
