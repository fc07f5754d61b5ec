"""Load every public-data file the project carries; unchanged files are skipped by SHA-256."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from careerportal.public_data import AFTER_LOAD, CARRIED_SOURCES


class Command(BaseCommand):
    help = (
        "Load the public data carried under data/public/ (O*NET, BLS, crosswalk, ZCTA and what "
        "other apps register in careerportal/public_data.py). Files loaded before are skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="reload even unchanged files")

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        extra = ["--force"] if options["force"] else []
        for source in CARRIED_SOURCES:
            call_command(source.command, *source.argv(), *extra, stdout=self.stdout)
        for step in AFTER_LOAD:
            step()
        # Loads may change English texts (occupation descriptions): translations of the old
        # texts become stale, and translations of new rows find their rows.
        call_command("load_translations", stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(f"public data: done in {time.perf_counter() - started:.1f} s")
