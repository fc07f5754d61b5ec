"""load_zcta FILE: Census ZIP Code Tabulation Area centroids."""

from pathlib import Path
from typing import Any

from pathways.publicdata import zcta
from pathways.publicdata.commands import PublicDataCommand
from pathways.publicdata.importing import LoadResult


class Command(PublicDataCommand):
    help = "Load Census ZCTA centroids (CSV with ZCTA5, Latitude, Longitude...; path or URL)."
    source = zcta.SOURCE

    def run(self, path: Path, **options: Any) -> LoadResult:
        return zcta.zcta_import(path)
