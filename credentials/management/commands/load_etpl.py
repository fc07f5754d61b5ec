"""Load a state's Eligible Training Provider List (programs, and outcomes per provider x CIP)."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credentials.programs.csvfile import FileRefused
from credentials.programs.services import programs_etpl_load


class Command(BaseCommand):
    help = "Load an ETPL programs file (path or URL); every row valid or nothing is loaded."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("programs", help="programs CSV (path or URL)")
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

    def handle(self, *args: Any, **options: Any) -> None:
        state = options["state"].upper()
        if len(state) != 2 or not state.isalpha():
            raise CommandError("--state takes a two-letter state code, e.g. NJ")
        try:
            summary = programs_etpl_load(
                programs_source=options["programs"],
                state=state,
                outcomes_source=options["outcomes"],
                in_demand_source=options["in_demand"],
                online_source=options["online"],
                file_date=options["date"],
            )
        except FileRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(summary))
