"""Compile locale/*.po to .mo with polib, so no GNU gettext is needed to build or run the portal."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compiled_catalogs() -> list[tuple[Path, Path]]:
    """Return (po, mo) path pairs for every catalog under LOCALE_PATHS."""
    pairs = []
    for root in settings.LOCALE_PATHS:
        for po_path in sorted(Path(root).glob("*/LC_MESSAGES/*.po")):
            pairs.append((po_path, po_path.with_suffix(".mo")))
    return pairs


class Command(BaseCommand):
    help = "Compile the translation catalogs in locale/ (pure Python, via polib)."

    def handle(self, *args: object, **options: object) -> None:
        for po_path, mo_path in compiled_catalogs():
            catalog = polib.pofile(str(po_path))
            catalog.save_as_mofile(str(mo_path))
            self.stdout.write(f"{mo_path}: {catalog.percent_translated()}% translated")
