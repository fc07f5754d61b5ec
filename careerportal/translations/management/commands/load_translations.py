"""Fill the translation columns from data/translations/<lang>.csv (docs/translations.md)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerportal.translations.files import translation_file, translation_languages
from careerportal.translations.services import translations_load


class Command(BaseCommand):
    help = (
        "Load the content translations in data/translations/<lang>.csv into the translation "
        "columns. A bad row is reported with its line and skipped; the others are loaded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--language", action="append", help="only this language (es, zh-hans, vi, ...)"
        )
        parser.add_argument(
            "--strict", action="store_true", help="exit with an error when a row was skipped"
        )

    def handle(self, *args: object, **options: object) -> None:
        languages: list[str] = options["language"] or translation_languages()  # type: ignore[assignment]
        unknown = set(languages) - set(translation_languages())
        if unknown:
            raise CommandError(
                f"unknown language(s) {', '.join(sorted(unknown))}: one of "
                f"{', '.join(translation_languages())}"
            )
        skipped = 0
        for language in languages:
            if not translation_file(language).exists():
                continue
            report = translations_load(language)
            for error in report.errors:
                self.stderr.write(error)
            skipped += len(report.errors)
            self.stdout.write(
                f"translations {language}: {report.filled} fields filled, {report.stale} stale "
                f"(their English changed since: shown in English), {len(report.errors)} rows "
                "skipped"
            )
        if skipped and options["strict"]:
            raise CommandError(f"{skipped} rows skipped (see above)")
