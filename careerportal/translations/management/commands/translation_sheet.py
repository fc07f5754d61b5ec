"""Write the rows a translator fills for one language: every translated field with English text,
its key and the translation already loaded (empty when there is none, or when it is stale)."""

from typing import TextIO, cast

from django.core.management.base import BaseCommand, CommandParser

from careerportal.csv_download import csv_write
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
        # Through the portal's one CSV writer: a text a spreadsheet would read as a formula gets
        # a quote before it, which the loader drops again (careerportal/translations/files.py).
        csv_write(
            cast(TextIO, self.stdout),  # an OutputWrapper: writes text like a TextIO
            COLUMNS,
            translation_sheet_rows(
                options["language"],  # type: ignore[arg-type]
                models=options["model"],  # type: ignore[arg-type]
                missing_only=bool(options["missing"]),
            ),
            bom=False,
        )
