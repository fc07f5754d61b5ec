"""load_etpl PROGRAMS.csv --state XX [--outcomes FILE]: a state's Eligible Training Provider
List, with outcomes per provider x CIP, in one recorded load (one transaction)."""

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from credentials.programs.services import etpl_source, programs_etpl_load
from pathways.publicdata.commands import PublicDataCommand
from pathways.publicdata.importing import LoadResult


class Command(PublicDataCommand):
    help = "Load an ETPL programs file (path or URL); every row valid or nothing is loaded."
    source = etpl_source("NJ")

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--state", required=True, help="two-letter state of the list")
        parser.add_argument("--outcomes", help="outcomes per provider x CIP (outcomes_schcip.csv)")
        parser.add_argument(
            "--in-demand", help="the state's in-demand CIP list (in_demand_cips.csv)"
        )
        parser.add_argument(
            "--online", help="ids of programs offered online (online_program_ids.csv)"
        )
        parser.add_argument(
            "--date", type=date.fromisoformat, help="the file's date when its name has none"
        )

    def handle(self, *args: object, **options: Any) -> None:
        state = str(options["state"]).upper()
        if len(state) != 2 or not state.isalpha():
            raise CommandError("--state takes a two-letter state code, e.g. NJ")
        options["state"] = state
        self.source = etpl_source(state)  # type: ignore[misc]  # the state picks the source
        super().handle(*args, **options)

    def run(self, path: Path, *_extras: Path, **options: Any) -> LoadResult:
        return programs_etpl_load(
            path,
            state=options["state"],
            outcomes_source=options["outcomes"],
            in_demand_source=options["in_demand"],
            online_source=options["online"],
            file_date=options["date"],
        )
