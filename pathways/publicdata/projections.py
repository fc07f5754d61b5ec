"""BLS Employment Projections: occupation.xlsx Table 1.2 and education.xlsx Table 5.4."""

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import connection

from ..occupation_files import ENTRY_EDUCATION_BY_BLS
from .crosswalk import SOC_RE
from .importing import (
    LoadResult,
    Problems,
    Source,
    code_problem,
    copy_rows,
    header_check,
    published_name,
    staging_create,
    staging_merge,
    xlsx_rows,
)

SOURCE = Source(
    key="projections",
    title="Employment Projections",
    publisher="U.S. Bureau of Labor Statistics",
    licence="Public domain (U.S. government work)",
    credit="U.S. Bureau of Labor Statistics, Employment Projections program",
    home_url="https://www.bls.gov/emp/tables.htm",
)
SOURCE_URL = "https://www.bls.gov/emp/tables.htm"
TITLE, CODE, TYPE = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
)
TARGET = [
    "soc_code",
    "title",
    "period",
    "employment_base",
    "employment_target",
    "change_number",
    "change_pct",
    "annual_openings",
    "median_wage",
    "entry_education",
    "work_experience",
    "job_training",
]
NOT_AVAILABLE = {"\u2014", "-", "\u2013", ""}  # em dash, hyphen, en dash, empty


def _matrix_columns(header: list[str]) -> tuple[str, str, str]:
    """The matrix year's column names: the year changes with each release."""
    year = next((m.group(1) for h in header if (m := re.match(r"(\d{4}) National", h))), "")
    return (
        f"{year} National Employment Matrix title",
        f"{year} National Employment Matrix code",
        year,
    )


def _sheet(path: Path, sheet: str, wanted, problems: Problems, name: str):  # type: ignore[no-untyped-def]
    """Yield (row, {column: value}) of a BLS table whose header is its second row."""
    at: dict[str, int] = {}
    for row, values in xlsx_rows(path, sheet=sheet, file=name):
        if row == 1:
            continue
        if row == 2:
            header = [str(v or "").strip() for v in values]
            title, code, year = _matrix_columns(header)
            at = header_check(header, [title, code, *wanted(header, year)], file=name, exact=False)
            continue
        cells = {column: values[i] if i < len(values) else None for column, i in at.items()}
        first = list(cells.values())
        if first[1] is None:  # notes and the source line under the table
            continue
        yield row, first, cells


def projections_import(occupation_xlsx: Path, education_xlsx: Path) -> LoadResult:
    """Check Table 1.2 and Table 5.4, then replace the projections with them."""
    problems = Problems(file=published_name(occupation_xlsx))
    records: dict[str, list[object]] = {}
    period = ""
    read = 0

    def table_12(header: list[str], year: str) -> list[str]:
        nonlocal period
        change = next((h for h in header if h.startswith("Employment change, percent, ")), "")
        span = change.removeprefix("Employment change, percent, ")
        match = re.match(r"(\d{4})[\u2013-](\d{2,4})$", span)
        if match:
            end = match.group(2)
            period = f"{match.group(1)}-{match.group(1)[:2] + end if len(end) == 2 else end}"
        target = period[5:] if period else "????"
        return [
            TYPE,
            f"Employment, {year}",
            f"Employment, {target}",
            f"Employment change, numeric, {span}",
            f"Employment change, percent, {span}",
            f"Occupational openings, {span} annual average",
            next((h for h in header if h.startswith("Median annual wage")), "Median annual wage"),
        ]

    name = published_name(occupation_xlsx)
    for row, values, cells in _sheet(occupation_xlsx, "Table 1.2", table_12, problems, name):
        read += 1
        title, code, kind = str(values[0] or "").strip(), str(values[1]).strip(), values[2]
        if kind != "Line item":
            continue
        if message := code_problem(code, SOC_RE, "a SOC 2018 code like 15-1212"):
            problems.add(row, "code", code, message)
            continue
        numbers: list[Decimal | None] = []
        for column, raw in list(cells.items())[3:]:
            text = "" if raw is None else str(raw).strip()
            # ">=$239,200" is the OEWS top code: a bound, not a value, so it is not stored.
            if text in NOT_AVAILABLE or text.startswith(">="):
                numbers.append(None)
                continue
            try:
                numbers.append(Decimal(text.replace(",", "")))
            except InvalidOperation:
                problems.add(row, column, text, "not a number")
                numbers.append(None)
        base, target, change, pct, openings, wage = numbers

        def jobs(thousands: Decimal | None) -> int | None:
            # Published in thousands with one decimal: the unit change is the only change made.
            return None if thousands is None else int(thousands * 1000)

        if code in records:
            problems.add(row, "code", code, "appears twice")
        records[code] = [
            code,
            title[:250],
            period,
            jobs(base),
            jobs(target),
            jobs(change),
            pct,
            jobs(openings),
            None if wage is None else int(wage),
            "",
            "",
            "",
        ]
    if not period:
        problems.add(2, "Employment change, percent", "", "no projection period in the header")
    if not records and not problems:
        problems.add(3, "Occupation type", "", "no 'Line item' occupations in Table 1.2")
    problems.raise_if_any(rows_read=read)

    education_problems = Problems(file=published_name(education_xlsx))

    def table_54(header: list[str], year: str) -> list[str]:
        return [
            "Typical education needed for entry",
            "Work experience in a related occupation",
            "Typical on-the-job training needed to attain competency in the occupation",
        ]

    ename = published_name(education_xlsx)
    seen: set[str] = set()
    for row, values, _cells in _sheet(
        education_xlsx, "Table 5.4", table_54, education_problems, ename
    ):
        read += 1
        code = str(values[1]).strip()
        if message := code_problem(code, SOC_RE, "a SOC 2018 code like 15-1212"):
            education_problems.add(row, "code", code, message)
            continue
        if code in seen:
            education_problems.add(row, "code", code, "appears twice")
        seen.add(code)
        education = str(values[2] or "").strip()
        if education.lower() not in ENTRY_EDUCATION_BY_BLS and education not in NOT_AVAILABLE:
            education_problems.add(
                row, "Typical education needed for entry", education, "not a BLS category"
            )
        if code in records:
            records[code][9:12] = [
                "" if education in NOT_AVAILABLE else education,
                str(values[3] or "").strip()[:80],
                str(values[4] or "").strip()[:120],
            ]
    education_problems.raise_if_any(rows_read=read)

    staging = staging_create(target="pathways_projection", columns=TARGET, name="stage_projection")
    copy_rows(table=staging, columns=TARGET, rows=records.values())
    added, changed, removed = staging_merge(
        staging=staging, target="pathways_projection", key=["soc_code"], columns=TARGET
    )
    occupation_projection_refresh()
    return LoadResult(
        vintage=period.replace("-", "\u2013"),
        rows_read=read,
        rows_added=added,
        rows_changed=changed,
        rows_removed=removed,
    )


def occupation_projection_refresh() -> None:
    """Copy employment, change, openings and entry education into each occupation."""
    pairs = list(ENTRY_EDUCATION_BY_BLS.items())
    values = ", ".join(["(%s, %s)"] * len(pairs))
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE pathways_occupation o SET
                employment = p.employment_base,
                employment_vintage = left(p.period, 4) || ' (BLS Employment Projections base year)',
                projected_change_pct = p.change_pct,
                projection_period = p.period,
                annual_openings = p.annual_openings,
                projection_source_url = %s,
                projection_confidence = 'verified',
                typical_entry_education = p.entry_education,
                education_source_url = %s,
                entry_education = COALESCE(e.value, '')
            FROM pathways_projection p
            LEFT JOIN (VALUES {values}) AS e(label, value) ON lower(p.entry_education) = e.label
            WHERE p.soc_code = o.soc_detailed
              AND (o.employment, o.projected_change_pct, o.annual_openings,
                   o.typical_entry_education, o.projection_period)
                  IS DISTINCT FROM (p.employment_base, p.change_pct, p.annual_openings,
                   p.entry_education, p.period)
            """,
            [SOURCE_URL, SOURCE_URL, *(str(x) for pair in pairs for x in pair)],
        )
