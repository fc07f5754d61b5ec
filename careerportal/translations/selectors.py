"""Reading the state of the translations: the staff status page and the translators' sheet."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation import to_locale
from modeltranslation.utils import build_localized_fieldname

from .authored import AUTHORED
from .files import translation_languages
from .keys import GLOSSARY, KEYS, keyed_rows
from .models import ContentTranslation
from .services import GLOSSARY_FIELDS, glossary_english, same_text, translated_fields


@dataclass(frozen=True)
class CatalogStatus:
    """The interface strings of one language (its .po file)."""

    language: str
    translated: int
    total: int
    fuzzy: int

    @property
    def percent(self) -> int:
        return int(100 * self.translated / self.total) if self.total else 100


@dataclass(frozen=True)
class FieldStatus:
    """One translated field of one model in one language."""

    model: str
    field: str
    language: str
    total: int  # rows with English text (fields written by their authors: in any language)
    filled: int  # ...with a current translation shown
    stale: int  # ...whose loaded translation translates an older English text
    translated_by: tuple[str, ...]
    # Written by the rows' authors in each language (members, providers), never by translators.
    authored: bool = False

    @property
    def missing(self) -> int:
        return self.total - self.filled


def catalog_status(language: str) -> CatalogStatus:
    path = Path(settings.LOCALE_PATHS[0]) / to_locale(language) / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return CatalogStatus(language, 0, 0, 0)
    catalog = polib.pofile(str(path))
    entries = [e for e in catalog if not e.obsolete]
    return CatalogStatus(
        language=language,
        translated=len(catalog.translated_entries()),
        total=len(entries),
        fuzzy=len(catalog.fuzzy_entries()),
    )


def _english_and_local(label: str) -> dict[str, dict[str, dict[str, str]]]:
    """{key: {field: {language: text}}} for every row of a model, English included."""
    languages = ["en", *translation_languages()]
    fields = translated_fields(label)
    if label == GLOSSARY:
        from pathways.glossary import glossary_read

        read = glossary_read()
        english = glossary_english()
        shown: dict[str, dict[str, dict[str, str]]] = {
            slug: {name: {"en": cells[name]} for name in GLOSSARY_FIELDS}
            for slug, cells in english.items()
        }
        for language in languages[1:]:
            for term in read[language]:
                if term.language == language:
                    aliases = "|".join(form for form in term.forms if form != term.term)
                    shown[term.slug]["term"][language] = term.term
                    shown[term.slug]["aliases"][language] = aliases
                    shown[term.slug]["expansion"][language] = term.expansion
                    shown[term.slug]["definition"][language] = term.definition
        return shown
    if label in AUTHORED:
        model = apps.get_model(label)
        rows = {str(row.pk): row for row in model._default_manager.order_by("pk")}
    else:
        rows = keyed_rows(label)
    return {
        key: {
            name: {
                language: getattr(row, build_localized_fieldname(name, language)) or ""
                for language in languages
            }
            for name in fields
        }
        for key, row in rows.items()
    }


def content_status() -> list[FieldStatus]:
    """Per model, field and language: rows with English, with a translation, stale; the fields
    their authors write in several languages last (they have no translation records, and a row
    counts once written in any language: its author may have written no English)."""
    records: dict[tuple[str, str, str, str], ContentTranslation] = {
        (r.model, r.key, r.field, r.language): r for r in ContentTranslation.objects.all()
    }
    found = []
    for label in [*KEYS, GLOSSARY, *AUTHORED]:
        rows = _english_and_local(label)
        authored = label in AUTHORED
        for name in translated_fields(label):
            for language in translation_languages():
                total = filled = stale = 0
                translators: set[str] = set()
                for key, cells in rows.items():
                    english = cells[name]["en"]
                    if not (any(cells[name].values()) if authored else english):
                        continue
                    total += 1
                    filled += bool(cells[name].get(language))
                    record = records.get((label, key, name, language))
                    if record is not None:
                        translators.add(record.translated_by)
                        stale += not same_text(record.source, english)
                found.append(
                    FieldStatus(
                        label,
                        name,
                        language,
                        total,
                        filled,
                        stale,
                        tuple(sorted(translators)),
                        authored=authored,
                    )
                )
    return found


def translation_sheet_rows(
    language: str, *, models: list[str] | None = None, missing_only: bool = False
) -> Iterator[list[str]]:
    """Rows of a translation file for every translated field with English text: model, key,
    field, the English, the current translation (or ""), and who translated it."""
    records = {
        (r.model, r.key, r.field): r for r in ContentTranslation.objects.filter(language=language)
    }
    for label in [*KEYS, GLOSSARY]:
        if models and label not in models:
            continue
        rows = _english_and_local(label)
        for key, cells in rows.items():
            for name in translated_fields(label):
                english = cells[name]["en"]
                current = cells[name].get(language, "")
                if not english or (missing_only and current):
                    continue
                record = records.get((label, key, name))
                by = record.translated_by if record is not None and current else ""
                yield [label, key, name, english, current, by]
