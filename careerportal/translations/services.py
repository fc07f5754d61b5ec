"""Loading the content translation files into the translation columns."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from careerportal.public_cache import catalog_changed

from .files import TranslationRow, translation_file, translation_rows
from .keys import GLOSSARY, KEYS, keyed_rows
from .models import ContentTranslation

GLOSSARY_FIELDS = ("term", "aliases", "expansion", "definition")


def same_text(a: str | None, b: str | None) -> bool:
    """Whether two texts are the same once line endings and outer spaces are set aside."""

    def norm(text: str | None) -> str:
        return (text or "").replace("\r\n", "\n").strip()

    return norm(a) == norm(b)


def translated_fields(label: str) -> tuple[str, ...]:
    if label == GLOSSARY:
        return GLOSSARY_FIELDS
    model = apps.get_model(label)
    names = translator.get_options_for_model(model).fields  # type: ignore[attr-defined]
    return tuple(f.name for f in model._meta.fields if f.name in names)  # the model's order


def glossary_english() -> dict[str, dict[str, str]]:
    """The English glossary by slug: {slug: {"term": ..., "definition": ...}}."""
    from pathways.glossary import glossary_english_rows

    return glossary_english_rows()


@dataclass
class LoadReport:
    language: str
    filled: int = 0
    stale: int = 0
    errors: list[str] = field(default_factory=list)


def _english(label: str, row: object, field_name: str) -> str:
    if label == GLOSSARY:
        return row[field_name]  # type: ignore[index]
    return getattr(row, build_localized_fieldname(field_name, "en")) or ""


def _line_of(message: str) -> int:
    """The line a message is about (0 for the file as a whole), to list them in file order."""
    found = re.search(r", line (\d+):", message)
    return int(found.group(1)) if found else 0


@transaction.atomic
def translations_load(language: str) -> LoadReport:
    """Fill the `language` columns from data/translations/<language>.csv.

    A translation whose `source` is still the English text fills its column; one whose English
    has changed since is kept on record as stale, and the column it filled before is emptied (the
    page shows the English, marked); a text put there otherwise is left alone. A row that names
    no known model, field or key is reported by line and skipped.
    """
    path = translation_file(language)
    rows, errors = translation_rows(path)
    report = LoadReport(language=language, errors=errors)
    by_model: dict[str, list[TranslationRow]] = defaultdict(list)
    for row in rows:
        if row.model != GLOSSARY and row.model not in KEYS:
            report.errors.append(
                f"{path.name}, line {row.line}: unknown model {row.model!r} "
                f"(one of: {', '.join(sorted([*KEYS, GLOSSARY]))})."
            )
        elif row.field not in translated_fields(row.model):
            report.errors.append(
                f"{path.name}, line {row.line}: {row.model} has no translated field "
                f"{row.field!r} (one of: {', '.join(translated_fields(row.model))})."
            )
        else:
            by_model[row.model].append(row)
    records = []
    for label, model_rows in by_model.items():
        targets: dict[str, object] = (
            glossary_english() if label == GLOSSARY else keyed_rows(label)  # type: ignore[assignment]
        )
        changed: dict[str, list[models.Model]] = defaultdict(list)
        for row in model_rows:
            target = targets.get(row.key)
            if target is None:
                report.errors.append(
                    f"{path.name}, line {row.line}: no {label} has the key {row.key!r}."
                )
                continue
            current = same_text(row.source, _english(label, target, row.field))
            report.filled += current
            report.stale += not current
            records.append(
                ContentTranslation(
                    model=label,
                    key=row.key,
                    field=row.field,
                    language=language,
                    source=row.source,
                    text=row.text,
                    translated_by=row.translated_by,
                )
            )
            if label != GLOSSARY:
                column = build_localized_fieldname(row.field, language)
                if current:
                    setattr(target, column, row.text)
                elif same_text(getattr(target, column), row.text):
                    setattr(target, column, "")  # its own earlier text: now shown in English
                else:
                    continue  # a text from elsewhere (the sample data) is left as it is
                changed[column].append(target)  # type: ignore[arg-type]
        for column, targets_changed in changed.items():
            model = apps.get_model(label)
            model._default_manager.bulk_update(targets_changed, [column], batch_size=500)
        if changed:
            # bulk_update sends no signal: the public cache must hear the text changed.
            transaction.on_commit(catalog_changed)
    report.errors.sort(key=_line_of)
    ContentTranslation.objects.bulk_create(
        records,
        update_conflicts=True,
        unique_fields=["model", "key", "field", "language"],
        update_fields=["source", "text", "translated_by", "loaded_at"],
        batch_size=500,
    )
    return report
