"""load_projections OCCUPATION.xlsx EDUCATION.xlsx: BLS Employment Projections tables."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from pathways.publicdata import projections
from pathways.publicdata.commands import PublicDataCommand
from pathways.publicdata.importing import LoadResult


class Command(PublicDataCommand):
    help = (
        "Load BLS Employment Projections: occupation.xlsx (Table 1.2) and education.xlsx "
        "(Table 5.4), together in one transaction."
    )
    location_help = "occupation.xlsx (Table 1.2), path or URL"
    source = projections.SOURCE

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("education", help="education.xlsx (Table 5.4), path or URL")

    def extra_locations(self, options: dict[str, Any]) -> list[str]:
        return [str(options["education"])]

    def run(self, path: Path, *extras: Path, **options: Any) -> LoadResult:
        return projections.projections_import(path, extras[0])
