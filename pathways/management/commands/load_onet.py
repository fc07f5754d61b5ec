"""load_onet DIR: an O*NET database release, tab-delimited text (each file plain or .xz)."""

from pathlib import Path
from typing import Any

from pathways.publicdata import onet
from pathways.publicdata.commands import PublicDataCommand
from pathways.publicdata.importing import LoadResult


class Command(PublicDataCommand):
    help = (
        "Load an O*NET release folder (Occupation Data, Alternate Titles, Sample of Reported "
        "Titles, Job Zones, Education Training and Experience, Technology Skills, Related "
        "Occupations, Task Statements, Interests). All files are checked before any is written."
    )
    location_help = "the O*NET text release folder"
    source = onet.SOURCE

    def run(self, path: Path, *extras: Path, **options: Any) -> LoadResult:
        return onet.onet_import(path)
