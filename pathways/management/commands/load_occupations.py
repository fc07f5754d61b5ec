"""Load occupation figures from the portal's CSV or the agencies' published files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pathways.occupation_files import OccupationFileError
from pathways.services import occupations_load


class Command(BaseCommand):
    help = (
        "Load occupations from a CSV shaped like data/tech_occupations.csv, or update the tracked "
        "occupations from a BLS OEWS national file (CSV/XLSX) or an Employment Projections CSV. "
        "The whole file is checked first; any bad row refuses the whole file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--vintage", default="", help="OEWS release, e.g. 'May 2025'")
        parser.add_argument("--source-url", default="", help="where the file was downloaded")

    def handle(self, *args: object, **options: object) -> None:
        path = options["file"]
        assert isinstance(path, Path)
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            summary = occupations_load(
                path=path,
                vintage=str(options["vintage"]),
                source_url=str(options["source_url"]),
            )
        except OccupationFileError as error:
            raise CommandError(f"{path}: {error}") from error
        self.stdout.write(summary)
