"""manage.py backup FOLDER | manage.py backup --restore FOLDER --database NAME --private-to DIR."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from careerportal.backups import BackupError, backup_make, backup_restore


class Command(BaseCommand):
    help = "Back up (or restore) the database and the private file storage; see docs/backups.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument("--restore", action="store_true")
        parser.add_argument("--database", help="restore into this existing, empty database")
        parser.add_argument("--private-to", type=Path, help="restore private files here")

    def handle(self, *args: object, **options: object) -> None:
        folder = options["folder"]
        assert isinstance(folder, Path)
        settings = dict(connections["default"].settings_dict)
        try:
            if not options["restore"]:
                manifest = backup_make(database=settings, folder=folder)
                self.stdout.write(f"Backup of {manifest['database']} written to {folder}.")
                return
            if not options["database"] or not options["private_to"]:
                raise CommandError("--restore needs --database and --private-to.")
            settings["NAME"] = options["database"]
            backup_restore(
                folder=folder,
                database=settings,
                private_to=options["private_to"],  # type: ignore[arg-type]
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {folder} into {options['database']}.")
