"""The public data the project carries (compressed, under data/public/) and how each is loaded.

`manage.py load_public_data` (run by `make run`) loads every entry in order; each load_* command
skips a file whose SHA-256 matches its last load, so a second run does nothing and is quick.
This list lives in the wiring layer so each app's importers stay in their own layer: pathways'
and credentials' commands are both named here, and neither app imports the other.

To add a source: carry the publisher's file compressed (xz) under data/public/<folder>/, and
append a CarriedSource naming the management command and its arguments, with "{data}" standing
for the data/public folder. Keep the whole of data/public/ under 20 MB.
"""

import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class CarriedSource:
    command: str
    args: tuple[str, ...]

    def argv(self) -> list[str]:
        folder = str(carried_data_dir())
        return [arg.replace("{data}", folder) for arg in self.args]


def carried_data_dir() -> Path:
    return Path(settings.BASE_DIR) / "data" / "public"


# In load order: the crosswalk and places first, then occupations, then the figures about them.
CARRIED_SOURCES: list[CarriedSource] = [
    CarriedSource("load_crosswalk", ("{data}/crosswalks/soc2018_cip2020_crosswalk.csv.xz",)),
    CarriedSource("load_zcta", ("{data}/geo/census_zcta_2023_centroids.csv.xz",)),
    CarriedSource("load_onet", ("{data}/onet_30_1",)),
    CarriedSource("load_oews", ("{data}/bls/oews_national_M2024_dl.xlsx",)),
    CarriedSource(
        "load_projections",
        ("{data}/bls/ep_2024_2034_occupation.xlsx", "{data}/bls/ep_2024_2034_education.xlsx"),
    ),
    # Programs after ZCTAs (their points) and the crosswalk (Scorecard's tech fields); the older
    # NJ release first, so the newer one's values win for programs in both.
    *(
        CarriedSource(
            "load_etpl",
            (
                "{data}/nj_etpl/" + name + ".xz",
                "--state",
                "NJ",
                "--outcomes",
                "{data}/nj_etpl/outcomes_schcip.csv.xz",
                "--in-demand",
                "{data}/nj_etpl/in_demand_cips.csv.xz",
                "--online",
                "{data}/nj_etpl/online_program_ids.csv.xz",
            ),
        )
        for name in ("etpl_20210329172300.csv", "standardized_etpl_20230428_seed.csv")
    ),
    CarriedSource(
        "load_scorecard",
        (
            "{data}/college_scorecard/FieldOfStudyData1516_1617_PP_tech.csv.xz",
            "--date",
            "2023-04-06",
        ),
    ),
]


def _portal_titles() -> None:
    from pathways.services import occupation_titles_portal_load

    occupation_titles_portal_load()


def _plain_descriptions() -> None:
    from pathways.services import occupation_plain_descriptions_load

    occupation_plain_descriptions_load()


# Run after the loads: our own titles and plain descriptions for occupations that O*NET has
# just created.
AFTER_LOAD: list[Callable[[], None]] = [_portal_titles, _plain_descriptions]


# The importers a deployer may schedule (settings.PUBLIC_DATA_REFRESH), each idempotent: a file
# whose SHA-256 matches its last load is skipped, so re-running them daily costs a download.
IMPORTERS = frozenset(
    {"load_onet", "load_oews", "load_projections", "load_etpl", "load_scorecard",
     "load_crosswalk", "load_zcta", "load_ctdl"}
)  # fmt: skip


def refresh_commands(entries: Iterable[str]) -> list[list[str]]:
    """PUBLIC_DATA_REFRESH's entries as argument lists ("load_oews https://.../file.xlsx").

    Only the public-data importers may be named: the setting schedules loads, not commands.
    """
    commands = []
    for number, entry in enumerate(entries, start=1):
        argv = shlex.split(entry)
        if not argv or argv[0] not in IMPORTERS:
            named = argv[0] if argv else "nothing"
            raise ImproperlyConfigured(
                f"PUBLIC_DATA_REFRESH entry {number} names {named!r}, not one of the public-data "
                f"importers ({', '.join(sorted(IMPORTERS))})."
            )
        commands.append(argv)
    return commands
