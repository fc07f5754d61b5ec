"""Pull the configured Credential Registry search into the catalog (upsert by CTID)."""

from django.core.management.base import BaseCommand, CommandError

from credentials.ctdl.load import CtdlError
from credentials.ctdl.registry import registry_sync

from .load_ctdl import report


class Command(BaseCommand):
    help = "Load every record the configured Credential Registry search returns."

    def handle(self, *args: object, **options: object) -> None:
        try:
            result = registry_sync()
        except CtdlError as error:
            raise CommandError(str(error)) from error
        report(self, result)
