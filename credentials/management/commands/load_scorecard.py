"""Load College Scorecard field-of-study programs (median earnings and debt)."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credentials.programs.csvfile import FileRefused
from credentials.programs.services import programs_scorecard_load, tech_cip_families


class Command(BaseCommand):
    help = "Load a Scorecard Field of Study file (.csv or .csv.bz2, path or URL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--date",
            type=date.fromisoformat,
            required=True,
            help="the release's date (YYYY-MM-DD), shown beside its figures",
        )
        parser.add_argument(
            "--cip",
            action="append",
            help="CIP family to keep (e.g. 11 or 52.12; repeat); default: CIP 11 and the fields "
            "the CIP-SOC crosswalk ties to tech occupations; 'all' keeps every row",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cips = options["cip"]
        families = None if cips == ["all"] else tuple(cips) if cips else tech_cip_families()
        try:
            summary = programs_scorecard_load(
                source=options["file"], file_date=options["date"], cip_families=families
            )
        except FileRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(summary))
