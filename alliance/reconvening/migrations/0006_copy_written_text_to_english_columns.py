"""The text written before the language columns existed is English: copy it to the *_en
columns (the pages read those). Backwards, the English columns are emptied again."""

from django.db import migrations
from django.db.models import F

FIELDS = {
    "recommitment": ("statement",),
    "accessplan": ("summary",),
    "milestone": ("title", "note"),
    "need": ("role", "skills"),
    "needanswer": ("message",),
    "spotlight": ("title", "body"),
}


def copy_to_english(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("reconvening", model_name)
        model.objects.update(**{f"{name}_en": F(name) for name in fields})


def empty_english(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("reconvening", model_name)
        model.objects.update(**{f"{name}_en": None for name in fields})


class Migration(migrations.Migration):
    dependencies = [("reconvening", "0005_authors_own_versions_in_seven_languages")]

    operations = [migrations.RunPython(copy_to_english, empty_english)]
