"""load_scorecard FILE[.bz2] --date YYYY-MM-DD: College Scorecard field-of-study programs."""

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from credentials.programs.services import (
    SCORECARD_SOURCE,
    programs_scorecard_load,
    tech_cip_families,
)
from pathways.publicdata.commands import PublicDataCommand
from pathways.publicdata.importing import LoadResult


class Command(PublicDataCommand):
    help = "Load a Scorecard Field of Study file (.csv, .csv.bz2 or .csv.xz; path or URL)."
    source = SCORECARD_SOURCE

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
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

    def run(self, path: Path, *_extras: Path, **options: Any) -> LoadResult:
        cips = options["cip"]
        families = None if cips == ["all"] else tuple(cips) if cips else tech_cip_families()
        return programs_scorecard_load(path, file_date=options["date"], cip_families=families)
