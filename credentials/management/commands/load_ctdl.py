"""Load Credential Registry records (CTDL JSON-LD) from a file, a folder or a URL."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credentials.ctdl.load import CtdlError, LoadResult, ctdl_load, read_source


def report(command: BaseCommand, result: LoadResult) -> None:
    """What a load did, one line per kind of change, then every record's unmodelled properties."""
    command.stdout.write(
        f"CTDL: {len(result.created)} created, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged, {len(result.kept_raw)} kept raw"
    )
    for line in result.kept_raw:
        command.stdout.write(f"  kept raw (not modelled by the portal): {line}")
    for ctid, properties in sorted(result.unmodelled.items()):
        command.stdout.write(f"  {ctid}: kept raw: {', '.join(properties)}")
    for _origin, why in result.refused:
        command.stdout.write(f"  refused: {why}")
    for note in result.notes:
        command.stdout.write(f"  note: {note}")


class Command(BaseCommand):
    help = (
        "Load CTDL JSON-LD: a resource, an @graph document, registry envelopes or search answers; "
        "from a file, every .json/.jsonld file in a folder, or an http(s) URL. Upserts by CTID."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="FILE, DIR or URL")

    def handle(self, *args: object, **options: object) -> None:
        try:
            result = ctdl_load(documents=read_source(str(options["source"])))
        except CtdlError as error:
            raise CommandError(str(error)) from error
        report(self, result)
