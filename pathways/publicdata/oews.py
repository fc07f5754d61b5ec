"""BLS Occupational Employment and Wage Statistics (OEWS) files: national, state or metro XLSX.

All three layouts share the columns; the AREA columns say where each row belongs. Only
cross-industry rows of detailed occupations are kept. A value BLS withheld ("*", "**") or
top-coded ("#": at or above the top of the survey's wage range) is stored empty with its mark,
so a page can say what it means and never shows it as a number.
"""

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import connection
from django.utils.translation import gettext_lazy as _

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
    workbook_title,
    xlsx_rows,
)

SOURCE = Source(
    key="oews",
    title="Occupational Employment and Wage Statistics (OEWS)",
    publisher="U.S. Bureau of Labor Statistics",
    licence="Public domain (U.S. government work)",
    credit="U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics",
    home_url="https://www.bls.gov/oes/tables.htm",
)
HOURLY = ["H_MEAN", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"]
ANNUAL = ["A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"]
COLUMNS = [
    "AREA",
    "AREA_TITLE",
    "AREA_TYPE",
    "PRIM_STATE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "H_MEAN",
    "A_MEAN",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
]
TARGET = [
    "soc_code",
    "area_code",
    "area_title",
    "area_type",
    "state",
    "vintage",
    "employment",
    "hourly_mean",
    "annual_mean",
    "hourly_pct10",
    "hourly_pct25",
    "hourly_median",
    "hourly_pct75",
    "hourly_pct90",
    "annual_pct10",
    "annual_pct25",
    "annual_median",
    "annual_pct75",
    "annual_pct90",
    "annual_only",
    "marks",
]
# What each mark means, in the file's own words (Field Descriptions sheet).
MARKS = {
    "*": _("not published: the estimate did not meet BLS's standards"),
    "**": _("not published: the employment estimate did not meet BLS's standards"),
    "#": _("at or above the top of the survey's wage range ($115.00 an hour, $239,200 a year)"),
}
AREA_SCOPES = {1: "national", 2: "state", 3: "territory", 4: "metro", 6: "nonmetro"}


def _value(raw: object) -> tuple[Decimal | None, str]:
    """(number, '') or (None, mark); raises ValueError for anything else."""
    if raw is None or raw == "":
        return None, ""
    text = str(raw).strip()
    if text in MARKS:
        return None, text
    return Decimal(text.replace(",", "")), ""


def oews_import(path: Path, *, vintage: str = "") -> LoadResult:
    """Check every row of an OEWS XLSX; replace the wages of the areas the file covers."""
    name = published_name(path)
    problems = Problems(file=name)
    title = workbook_title(path, sheet="Field Descriptions")
    match = re.match(r"(\w+ \d{4}) OEWS Estimates", title)
    vintage = vintage or (match.group(1) if match else "")
    if not vintage:
        problems.add(0, "", name, "no release named in the file; give --vintage 'May 2025'")
        problems.raise_if_any()
    rows: dict[tuple[str, str], tuple[object, ...]] = {}
    areas: set[str] = set()
    types: set[int] = set()
    at: dict[str, int] = {}
    has: dict[str, int] = {}
    read = 0
    for row, values in xlsx_rows(path, file=name):
        if row == 1:
            header = [str(v or "").strip().upper() for v in values]
            at = header_check(header, COLUMNS, file=name, exact=False)
            has = {n: header.index(n) for n in ("I_GROUP", "ANNUAL", "HOURLY") if n in header}
            continue
        if not any(v not in (None, "") for v in values):
            continue
        read += 1
        if len(values) <= max(at.values()):
            problems.add(row, "", "", "row ends early (is the file cut short?)")
            continue
        cell = {n: values[i] for n, i in at.items()}
        if str(cell["O_GROUP"] or "").strip().lower() != "detailed":
            continue
        if "I_GROUP" in has and str(values[has["I_GROUP"]] or "") not in ("", "cross-industry"):
            continue
        code = str(cell["OCC_CODE"] or "").strip()
        if message := code_problem(code, SOC_RE, "a SOC 2018 code like 15-1212"):
            problems.add(row, "OCC_CODE", code, message)
            continue
        area = str(cell["AREA"] or "").strip()
        try:
            area_type = int(str(cell["AREA_TYPE"]).strip())
        except ValueError:
            problems.add(row, "AREA_TYPE", cell["AREA_TYPE"], "not a whole number")
            continue
        if not area:
            problems.add(row, "AREA", "", "required")
        if (code, area) in rows:
            problems.add(row, "OCC_CODE", code, f"appears twice for area {area}")
        marks: dict[str, str] = {}
        numbers: dict[str, Decimal | None] = {}
        for column in ["TOT_EMP", *HOURLY, *ANNUAL]:
            try:
                numbers[column], mark = _value(cell[column])
            except (InvalidOperation, ValueError):
                problems.add(row, column, cell[column], "not a number, '*', '**' or '#'")
                continue
            if mark:
                marks[column] = mark
        annual_only = "ANNUAL" in has and str(values[has["ANNUAL"]] or "").upper() == "TRUE"

        def whole(column: str, numbers: dict[str, Decimal | None] = numbers) -> int | None:
            number = numbers.get(column)
            return None if number is None else int(number)

        areas.add(area)
        types.add(area_type)
        rows[(code, area)] = (
            code,
            area,
            str(cell["AREA_TITLE"] or "")[:200],
            area_type,
            str(cell["PRIM_STATE"] or "")[:2],
            vintage,
            whole("TOT_EMP"),
            *(numbers.get(c) for c in HOURLY[:1]),
            whole("A_MEAN"),
            *(numbers.get(c) for c in HOURLY[1:]),
            *(whole(c) for c in ANNUAL[1:]),
            annual_only,
            _json(marks),
        )
    if not rows and not problems:
        problems.add(2, "O_GROUP", "", "no detailed occupation rows in the file")
    problems.raise_if_any(rows_read=read)

    staging = staging_create(target="pathways_wage", columns=TARGET, name="stage_wage")
    copy_rows(table=staging, columns=TARGET, rows=rows.values())
    added, changed, removed = staging_merge(
        staging=staging,
        target="pathways_wage",
        key=["soc_code", "area_code"],
        columns=TARGET,
        scope="area_code = ANY(%s)",
        scope_params=[sorted(areas)],
    )
    if "99" in areas:
        occupation_national_wage_refresh()
    scope = "+".join(AREA_SCOPES.get(t, str(t)) for t in sorted(types))
    return LoadResult(
        vintage=vintage,
        scope=scope if scope == "national" else f"{scope}:{min(areas)}-{max(areas)}",
        rows_read=read,
        rows_added=added,
        rows_changed=changed,
        rows_removed=removed,
    )


def _json(marks: dict[str, str]) -> str:
    import json

    return json.dumps(marks, sort_keys=True)


def occupation_national_wage_refresh() -> None:
    """Copy the national median into each occupation (what /careers/ sorts and filters on)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE pathways_occupation o SET
                median_annual_wage = w.annual_median,
                wage_vintage = w.vintage,
                wage_source_url = 'https://www.bls.gov/oes/tables.htm',
                wage_confidence = 'verified',
                missing_reasons = CASE WHEN w.annual_median IS NULL
                    THEN o.missing_reasons || jsonb_build_object('median_annual_wage',
                        CASE WHEN w.marks ? 'A_MEDIAN' AND w.marks->>'A_MEDIAN' = '#'
                             THEN 'At or above the top of the BLS OEWS ' || w.vintage
                                  || ' wage range ($239,200 a year)'
                             ELSE 'Not published by BLS OEWS ' || w.vintage || ' for this code'
                        END)
                    ELSE o.missing_reasons - 'median_annual_wage' END
            FROM pathways_wage w
            WHERE w.area_code = '99' AND w.soc_code = o.soc_detailed
              AND (o.median_annual_wage, o.wage_vintage, o.wage_confidence)
                  IS DISTINCT FROM (w.annual_median, w.vintage, 'verified')
            """
        )
