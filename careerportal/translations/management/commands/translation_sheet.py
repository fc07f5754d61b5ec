"""Write the rows a translator fills for one language: every translated field with English text,
its key and the translation already loaded (empty when there is none, or when it is stale)."""

import csv

from django.core.management.base import BaseCommand, CommandParser

from careerportal.translations.files import COLUMNS, translation_languages
from careerportal.translations.selectors import translation_sheet_rows


class Command(BaseCommand):
    help = (
        "Print data/translations/<lang>.csv rows for every translated field (model, key, field, "
        "source filled in; text filled where a current translation is loaded)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("language", choices=translation_languages())
        parser.add_argument("--model", action="append", help="only this model (app.model)")
        parser.add_argument(
            "--missing", action="store_true", help="only the fields with no current translation"
        )

    def handle(self, *args: object, **options: object) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in translation_sheet_rows(
            options["language"],  # type: ignore[arg-type]
            models=options["model"],  # type: ignore[arg-type]
            missing_only=bool(options["missing"]),
        ):
            writer.writerow(row)
