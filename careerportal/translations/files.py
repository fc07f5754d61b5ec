"""Reading data/translations/<lang>.csv: content translations are data, not code.

The format (docs/translations.md): UTF-8 CSV with the columns model, key, field, source, text,
translated_by. A row that cannot be used is reported with its line and skipped; the others are
read.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from careerportal.csv_download import cell_restore

TRANSLATIONS_DIR = Path(settings.BASE_DIR) / "data" / "translations"
COLUMNS = ("model", "key", "field", "source", "text", "translated_by")


@dataclass(frozen=True)
class TranslationRow:
    line: int
    model: str
    key: str
    field: str
    source: str
    text: str
    translated_by: str


def translation_languages() -> list[str]:
    """The languages content is translated into (every language of the site but English)."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translation_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{language}.csv"


def translation_rows(path: Path) -> tuple[list[TranslationRow], list[str]]:
    """The rows of a translation file, and a message for each row left out (by line).

    A missing file has no rows. Empty cells in model, key, field or text, and a second row for
    the same model, key and field, are refused; what they mean is checked by the loader.
    """
    if not path.exists():
        return [], []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            return [], [f"{path.name}: the header lacks the column(s) {', '.join(missing)}."]
        rows, errors = [], []
        seen: dict[tuple[str, str, str], int] = {}
        for cells in reader:
            line = reader.line_num
            values = {column: cell_restore((cells.get(column) or "").strip()) for column in COLUMNS}
            empty = [column for column in ("model", "key", "field", "text") if not values[column]]
            if empty:
                errors.append(f"{path.name}, line {line}: {', '.join(empty)} is empty.")
                continue
            identity = (values["model"], values["key"], values["field"])
            if identity in seen:
                errors.append(
                    f"{path.name}, line {line}: {' '.join(identity)} was already given on line "
                    f"{seen[identity]}."
                )
                continue
            seen[identity] = line
            rows.append(TranslationRow(line=line, **values))
    return rows, errors
