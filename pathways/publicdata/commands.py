"""The shape every load_* command shares: a path or URL in, one recorded load, a summary out."""

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from django.core.management.base import BaseCommand, CommandError, CommandParser

from .importing import FileRefused, LoadResult, Source, public_data_load
from .models import DataLoad


def load_summary(record: DataLoad, *, loaded: bool) -> str:
    """One line for the console: what happened to the file."""
    if not loaded:
        return (
            f"{record.source}: {record.file_name} unchanged (SHA-256 {record.sha256[:12]}…, "
            f"loaded {record.started_at:%Y-%m-%d %H:%M}); nothing to do"
        )
    seconds = (record.finished_at - record.started_at).total_seconds() if record.finished_at else 0
    return (
        f"{record.source}: {record.file_name} ({record.vintage}) loaded in {seconds:.1f} s: "
        f"{record.rows_read} rows read, {record.rows_added} added, {record.rows_changed} changed, "
        f"{record.rows_removed} removed"
    )


class PublicDataCommand(BaseCommand):
    """Subclasses set `source` and `run` (path -> LoadResult)."""

    source: ClassVar[Source]
    location_help = "path or http(s) URL of the file as the publisher released it"

    def run(self, path: Path, **options: Any) -> LoadResult:
        raise NotImplementedError

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("location", help=self.location_help)
        parser.add_argument(
            "--force", action="store_true", help="load even when the same bytes were loaded last"
        )

    def handle(self, *args: object, **options: Any) -> None:
        self.load(str(options["location"]), force=bool(options["force"]), run=self._runner(options))

    def _runner(self, options: dict[str, Any]) -> Callable[[Path], LoadResult]:
        return lambda path: self.run(path, **options)

    def load(self, location: str, *, force: bool, run: Callable[[Path], LoadResult]) -> DataLoad:
        try:
            record, loaded = public_data_load(
                source=self.source, location=location, run=run, force=force
            )
        except FileRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(load_summary(record, loaded=loaded))
        return record
