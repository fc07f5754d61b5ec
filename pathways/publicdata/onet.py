"""The O*NET database, tab-delimited text release (a folder; each file plain or .xz).

Every file is checked before anything is written; the whole release loads in one transaction.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import connection

from ..models import Occupation
from .importing import (
    FileRefused,
    LoadResult,
    Problems,
    RowProblem,
    Source,
    code_problem,
    copy_rows,
    delimited_rows,
    header_check,
    open_binary,
    published_name,
    staging_create,
    staging_merge,
)

SOURCE = Source(
    key="onet",
    title="O*NET Database",
    publisher="U.S. Department of Labor, Employment and Training Administration (O*NET Center)",
    licence="CC BY 4.0",
    credit=(
        "This page includes information from the O*NET 30.1 Database by the U.S. Department of "
        "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license. O*NET® is a trademark of USDOL/ETA."
    ),
    home_url="https://www.onetcenter.org/database.html",
)
ONET_SOC_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


@dataclass(frozen=True)
class OnetFile:
    name: str
    columns: tuple[str, ...]


OCCUPATIONS = OnetFile("Occupation Data.txt", ("O*NET-SOC Code", "Title", "Description"))
ALTERNATES = OnetFile(
    "Alternate Titles.txt", ("O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)")
)
REPORTED = OnetFile(
    "Sample of Reported Titles.txt",
    ("O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"),
)
JOB_ZONES = OnetFile("Job Zones.txt", ("O*NET-SOC Code", "Job Zone", "Date", "Domain Source"))
EDUCATION = OnetFile(
    "Education, Training, and Experience.txt",
    ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value"),
)
EDUCATION_CATEGORIES = OnetFile(
    "Education, Training, and Experience Categories.txt",
    ("Element ID", "Element Name", "Scale ID", "Category", "Category Description"),
)
TECHNOLOGY = OnetFile(
    "Technology Skills.txt",
    (
        "O*NET-SOC Code",
        "Example",
        "Commodity Code",
        "Commodity Title",
        "Hot Technology",
        "In Demand",
    ),
)
RELATED = OnetFile(
    "Related Occupations.txt",
    ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
)
TASKS = OnetFile("Task Statements.txt", ("O*NET-SOC Code", "Task ID", "Task", "Task Type"))
INTERESTS = OnetFile(
    "Interests.txt", ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value")
)
FILES = (
    OCCUPATIONS,
    ALTERNATES,
    REPORTED,
    JOB_ZONES,
    EDUCATION,
    EDUCATION_CATEGORIES,
    TECHNOLOGY,
    RELATED,
    TASKS,
    INTERESTS,
)
RIASEC = {
    "Realistic": "R",
    "Investigative": "I",
    "Artistic": "A",
    "Social": "S",
    "Enterprising": "E",
    "Conventional": "C",
}
YES_NO = {"Y": True, "N": False}
REQUIRED_LEVEL = ("2.D.1", "RL")


def page_key(onet_code: str) -> str:
    """The occupation's page key: SOC code for ".00", the full O*NET-SOC code otherwise."""
    return onet_code[:7] if onet_code.endswith(".00") else onet_code


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        raise FileRefused([RowProblem(0, "", str(folder), "load_onet takes the release folder")])
    found = {published_name(p): p for p in folder.iterdir() if p.is_file()}
    missing = [f.name for f in FILES if f.name not in found]
    if missing:
        raise FileRefused(
            [RowProblem(0, "", ", ".join(missing), "file(s) missing from the O*NET folder")]
        )
    return found


def release_vintage(folder: Path) -> str:
    """'O*NET 30.1 (December 2025 Release)' from the release's Read Me, else ''."""
    read_me = next((p for p in folder.iterdir() if published_name(p) == "Read Me.txt"), None)
    if read_me is None:
        return ""
    with open_binary(read_me) as handle:
        lines = handle.read(400).decode("utf-8", "replace").splitlines()
    match = re.match(r"O\*NET ([\d.]+) Database", lines[0] if lines else "")
    if not match:
        return ""
    release = lines[1].strip() if len(lines) > 1 else ""
    return f"O*NET {match.group(1)}" + (f" ({release})" if release else "")


class _Reader:
    """Reads one O*NET file: header checked, each row's code checked against the release."""

    def __init__(self, paths: dict[str, Path], problems: Problems, codes: set[str]) -> None:
        self.paths, self.problems, self.codes = paths, problems, codes
        self.read = 0

    def rows(self, spec: OnetFile, *, code_columns: tuple[str, ...] = ("O*NET-SOC Code",)):
        name = spec.name
        at: dict[str, int] = {}
        width = 0
        for row, cells in delimited_rows(
            self.paths[name], delimiter="\t", quoting=False, file=name
        ):
            if row == 1:
                at = header_check(cells, spec.columns, file=name)
                width = len(cells)
                continue
            if not any(c.strip() for c in cells):
                continue
            self.read += 1
            if len(cells) < width:
                column = spec.columns[min(len(cells), len(spec.columns) - 1)]
                self.problems.add(
                    row, f"{name}: {column}", "", "row ends early (is the file cut short?)"
                )
                continue
            values = {column: cells[index].strip() for column, index in at.items()}
            ok = True
            for column in code_columns:
                code = values[column]
                if message := code_problem(code, ONET_SOC_RE, "an O*NET-SOC code like 15-1212.00"):
                    self.problems.add(row, f"{name}: {column}", code, message)
                    ok = False
                elif self.codes and code not in self.codes:
                    self.problems.add(
                        row, f"{name}: {column}", code, "not in Occupation Data.txt of this release"
                    )
                    ok = False
            if ok:
                yield row, values

    def number(self, row: int, name: str, column: str, value: str, kind: type = Decimal) -> Any:
        try:
            return kind(value)
        except (InvalidOperation, ValueError):
            self.problems.add(row, f"{name}: {column}", value, "not a number")
            return None

    def flag(self, row: int, name: str, column: str, value: str) -> bool:
        if value not in YES_NO:
            self.problems.add(row, f"{name}: {column}", value, "must be Y or N")
            return False
        return YES_NO[value]


def onet_import(folder: Path) -> LoadResult:
    """Check every file of an O*NET release, then load it all (occupations first)."""
    paths = _files(folder)
    vintage = release_vintage(folder)
    problems = Problems(file=published_name(folder))
    reader = _Reader(paths, problems, set())

    occupations: dict[str, tuple[str, str]] = {}
    for row, values in reader.rows(OCCUPATIONS):
        code = values["O*NET-SOC Code"]
        if code in occupations:
            problems.add(row, f"{OCCUPATIONS.name}: O*NET-SOC Code", code, "appears twice")
        if not values["Title"]:
            problems.add(row, f"{OCCUPATIONS.name}: Title", "", "required")
        occupations[code] = (values["Title"], values["Description"])
    problems.raise_if_any(rows_read=reader.read)
    reader.codes = set(occupations)

    titles: dict[tuple[str, str, str], str] = {}
    for spec, kind, column, short in (
        (ALTERNATES, "alternate", "Alternate Title", "Short Title"),
        (REPORTED, "reported", "Reported Job Title", ""),
    ):
        for row, values in reader.rows(spec):
            key = (values["O*NET-SOC Code"], kind, values[column])
            if key in titles:
                problems.add(row, f"{spec.name}: {column}", values[column], "appears twice")
            short_title = values.get(short, "") if short else ""
            titles[key] = "" if short_title == "n/a" else short_title

    job_zones: dict[str, int] = {}
    for row, values in reader.rows(JOB_ZONES):
        zone = reader.number(row, JOB_ZONES.name, "Job Zone", values["Job Zone"], int)
        if zone is not None and not 1 <= zone <= 5:
            problems.add(row, f"{JOB_ZONES.name}: Job Zone", values["Job Zone"], "must be 1 to 5")
        if values["O*NET-SOC Code"] in job_zones:
            problems.add(
                row, f"{JOB_ZONES.name}: O*NET-SOC Code", values["O*NET-SOC Code"], "appears twice"
            )
        job_zones[values["O*NET-SOC Code"]] = zone

    labels: dict[int, str] = {}
    for row, values in reader.rows(EDUCATION_CATEGORIES, code_columns=()):
        if (values["Element ID"], values["Scale ID"]) == REQUIRED_LEVEL:
            category = reader.number(
                row, EDUCATION_CATEGORIES.name, "Category", values["Category"], int
            )
            labels[category] = values["Category Description"]
    education: dict[tuple[str, int], Decimal] = {}
    for row, values in reader.rows(EDUCATION):
        if (values["Element ID"], values["Scale ID"]) != REQUIRED_LEVEL:
            continue
        category = reader.number(row, EDUCATION.name, "Category", values["Category"], int)
        share = reader.number(row, EDUCATION.name, "Data Value", values["Data Value"])
        if category is not None and category not in labels:
            problems.add(
                row,
                f"{EDUCATION.name}: Category",
                values["Category"],
                "not a Required Level of Education category",
            )
        share_key = (values["O*NET-SOC Code"], category)
        if share_key in education:
            problems.add(row, f"{EDUCATION.name}: Category", values["Category"], "appears twice")
        if share is not None and category is not None:
            education[share_key] = share

    technology: dict[tuple[str, str, int], tuple[str, bool, bool]] = {}
    for row, values in reader.rows(TECHNOLOGY):
        commodity = reader.number(
            row, TECHNOLOGY.name, "Commodity Code", values["Commodity Code"], int
        )
        tech_key = (values["O*NET-SOC Code"], values["Example"], commodity)
        if tech_key in technology:
            problems.add(row, f"{TECHNOLOGY.name}: Example", values["Example"], "appears twice")
        technology[tech_key] = (
            values["Commodity Title"],
            reader.flag(row, TECHNOLOGY.name, "Hot Technology", values["Hot Technology"]),
            reader.flag(row, TECHNOLOGY.name, "In Demand", values["In Demand"]),
        )

    related: dict[tuple[str, str], tuple[str, int]] = {}
    for row, values in reader.rows(
        RELATED, code_columns=("O*NET-SOC Code", "Related O*NET-SOC Code")
    ):
        pair = (values["O*NET-SOC Code"], values["Related O*NET-SOC Code"])
        if pair in related:
            problems.add(row, f"{RELATED.name}: Related O*NET-SOC Code", pair[1], "appears twice")
        related[pair] = (
            values["Relatedness Tier"],
            reader.number(row, RELATED.name, "Index", values["Index"], int) or 0,
        )

    tasks: dict[tuple[str, int], tuple[str, bool]] = {}
    for row, values in reader.rows(TASKS):
        task_id = reader.number(row, TASKS.name, "Task ID", values["Task ID"], int)
        task_key = (values["O*NET-SOC Code"], task_id)
        if task_key in tasks:
            problems.add(row, f"{TASKS.name}: Task ID", values["Task ID"], "appears twice")
        tasks[task_key] = (values["Task"], values["Task Type"] != "Supplemental")

    interests: dict[str, dict[str, float]] = {}
    for row, values in reader.rows(INTERESTS):
        if values["Scale ID"] != "OI":
            continue
        letter = RIASEC.get(values["Element Name"])
        score = reader.number(row, INTERESTS.name, "Data Value", values["Data Value"])
        if letter is None:
            problems.add(
                row,
                f"{INTERESTS.name}: Element Name",
                values["Element Name"],
                "not a RIASEC interest",
            )
        elif score is not None:
            interests.setdefault(values["O*NET-SOC Code"], {})[letter] = float(score)
    problems.raise_if_any(rows_read=reader.read)

    result = LoadResult(vintage=vintage, rows_read=reader.read)
    ids, part = _occupations_upsert(occupations, job_zones, interests, vintage=vintage)
    result.add(part, name=OCCUPATIONS.name)

    def merge(name: str, target: str, key: list[str], columns: list[str], rows, scope: str = ""):
        staging = staging_create(target=target, columns=columns, name=f"stage_{target}")
        count = copy_rows(table=staging, columns=columns, rows=rows)
        added, changed, removed = staging_merge(
            staging=staging, target=target, key=key, columns=columns, scope=scope
        )
        result.add(
            LoadResult(
                rows_read=count, rows_added=added, rows_changed=changed, rows_removed=removed
            ),
            name=name,
        )

    merge(
        "titles",
        "pathways_occupationtitle",
        ["occupation_id", "kind", "language", "title"],
        ["occupation_id", "kind", "language", "title", "short_title"],
        [
            *((ids[c], "official", "en", t, "") for c, (t, _) in occupations.items()),
            *((ids[c], kind, "en", title, short) for (c, kind, title), short in titles.items()),
        ],
        scope="kind <> 'portal'",
    )
    merge(
        EDUCATION.name,
        "pathways_educationshare",
        ["occupation_id", "category"],
        ["occupation_id", "category", "label", "percent"],
        ((ids[c], cat, labels[cat], v) for (c, cat), v in education.items()),
    )
    merge(
        TECHNOLOGY.name,
        "pathways_technologyskill",
        ["occupation_id", "example", "commodity_code"],
        ["occupation_id", "example", "commodity_code", "commodity_title", "hot", "in_demand"],
        ((ids[c], ex, cc, t, hot, dem) for (c, ex, cc), (t, hot, dem) in technology.items()),
    )
    merge(
        RELATED.name,
        "pathways_relatedoccupation",
        ["occupation_id", "related_id"],
        ["occupation_id", "related_id", "tier", "rank"],
        ((ids[a], ids[b], tier, rank) for (a, b), (tier, rank) in related.items()),
    )
    merge(
        TASKS.name,
        "pathways_occupationtask",
        ["occupation_id", "task_id"],
        ["occupation_id", "task_id", "text", "core"],
        ((ids[c], tid, text, core) for (c, tid), (text, core) in tasks.items()),
    )
    occupation_tech_family_refresh()
    return result


ONET_FIELDS = [
    "onet_code",
    "soc_detailed",
    "title",
    "title_en",
    "onet_description",
    "job_zone",
    "interests",
    "onet_vintage",
    "onet_source_url",
    "onet_confidence",
]


def _occupations_upsert(
    occupations: dict[str, tuple[str, str]],
    job_zones: dict[str, int],
    interests: dict[str, dict[str, float]],
    *,
    vintage: str,
) -> tuple[dict[str, int], LoadResult]:
    """Create or update one Occupation per O*NET-SOC code (the hand-compiled ones merge in)."""
    existing = {o.soc_code: o for o in Occupation.objects.all()}
    new, changed = [], []
    for code, (title, description) in occupations.items():
        key = page_key(code)
        values: dict[str, Any] = {
            "onet_code": code,
            "soc_detailed": code[:7],
            "title": title,
            "title_en": title,
            "onet_description": description,
            "job_zone": job_zones.get(code),
            "interests": interests.get(code, {}),
            "onet_vintage": vintage,
            "onet_source_url": f"https://www.onetonline.org/link/summary/{code}",
            "onet_confidence": "verified",
        }
        occupation = existing.get(key)
        if occupation is not None and occupation.bright_outlook is not None:
            # The Bright Outlook flag came from a secondary copy (data/README.md): the O*NET
            # figures shown beside it keep the weaker label and its source link.
            values["onet_confidence"] = "secondary"
            values["onet_source_url"] = "; ".join(
                [values["onet_source_url"], *occupation.onet_source_urls[1:]]
            )
        if occupation is None:
            new.append(Occupation(soc_code=key, **values))
            continue
        if any(getattr(occupation, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(occupation, name, value)
            reasons = dict(occupation.missing_reasons)
            if occupation.job_zone is not None:
                reasons.pop("job_zone", None)
            else:
                reasons["job_zone"] = f"Not published by {vintage or 'O*NET'} for this code"
            occupation.missing_reasons = reasons
            changed.append(occupation)
    Occupation.objects.bulk_create(new, batch_size=500)
    Occupation.objects.bulk_update(changed, [*ONET_FIELDS, "missing_reasons"], batch_size=500)
    ids = dict(Occupation.objects.exclude(onet_code="").values_list("onet_code", "id"))
    return ids, LoadResult(
        rows_read=len(occupations), rows_added=len(new), rows_changed=len(changed)
    )


def occupation_tech_family_refresh() -> None:
    """Mark the tech family: SOC 15-xxxx, and the SOC occupations (not O*NET's narrower ones)
    that the crosswalk ties to CIP 11, Computer and Information Sciences."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE pathways_occupation o SET in_tech_family = t.member
            FROM (
                SELECT id, (soc_detailed LIKE '15-%%' OR (soc_code = soc_detailed
                    AND soc_detailed IN (
                        SELECT soc_code FROM pathways_cipsoc WHERE cip_id LIKE '11.%%'
                    ))) AS member
                FROM pathways_occupation
            ) t
            WHERE o.id = t.id AND o.in_tech_family IS DISTINCT FROM t.member
            """
        )
