"""Rebuild the comparison index by hand: what the nightly Celery job does."""

import time

from django.core.management.base import BaseCommand, CommandParser

from credentials.services import comparison_index_refresh


class Command(BaseCommand):
    help = "Rebuild the credential comparison index (all rows, or the given credential ids)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="credential ids (default: all)")

    def handle(self, *args: object, **options: object) -> None:
        ids = list(options["ids"]) or None  # type: ignore[call-overload]
        started = time.perf_counter()
        written = comparison_index_refresh(credential_ids=ids)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"comparison index: {written} rows in {elapsed:.2f} s")
