from django.db import migrations

TASK_FORCE_GROUP = "Alliance task force"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=TASK_FORCE_GROUP)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TASK_FORCE_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alliance", "0003_commitments_convenings_standards_invitations"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
