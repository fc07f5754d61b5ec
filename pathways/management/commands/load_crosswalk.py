"""load_crosswalk FILE: the NCES/BLS CIP 2020 <-> SOC 2018 crosswalk CSV."""

from pathlib import Path
from typing import Any

from pathways.publicdata import crosswalk
from pathways.publicdata.commands import PublicDataCommand
from pathways.publicdata.importing import LoadResult


class Command(PublicDataCommand):
    help = "Load the CIP 2020 <-> SOC 2018 crosswalk (CSV, path or URL; .gz/.xz/.bz2 too)."
    source = crosswalk.SOURCE

    def run(self, path: Path, **options: Any) -> LoadResult:
        return crosswalk.crosswalk_import(path)
