"""load_oews FILE: a BLS OEWS XLSX (national, state or metro layout)."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from pathways.publicdata import oews
from pathways.publicdata.commands import PublicDataCommand
from pathways.publicdata.importing import LoadResult


class Command(PublicDataCommand):
    help = (
        "Load a BLS OEWS XLSX (national_M2024_dl.xlsx, state_M2024_dl.xlsx, MSA_M2024_dl.xlsx). "
        "Replaces the wages of the areas in the file; '*', '**' and '#' are kept as marks."
    )
    source = oews.SOURCE

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--vintage", default="", help="e.g. 'May 2025' if the file lacks it")

    def run(self, path: Path, *extras: Path, **options: Any) -> LoadResult:
        return oews.oews_import(path, vintage=str(options.get("vintage") or ""))
