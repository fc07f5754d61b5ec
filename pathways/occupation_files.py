"""Read and validate occupation figure files: the portal's CSV, BLS OEWS and BLS Projections.

Every row is checked before anything is written, so a bad file changes nothing; each problem
names the spreadsheet row (header = row 1), the column and the value.
"""

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_noop

from .models import SOC_CODE_RE, Confidence, EntryEducation, OccupationField
from .publicdata.importing import RowProblem

URL_RE = re.compile(r"^https?://\S+$")

OEWS_DEFAULT_URL = "https://www.bls.gov/oes/tables.htm"
PROJECTIONS_DEFAULT_URL = "https://data.bls.gov/projections/occupationProj"

# The browsing groups of the shipped tech occupations; a file may give its own `field` column.
FIELD_BY_SOC = {
    "15-1211": OccupationField.RESEARCH_OTHER,
    "15-1212": OccupationField.CYBERSECURITY,
    "15-1221": OccupationField.RESEARCH_OTHER,
    "15-1231": OccupationField.IT_SUPPORT,
    "15-1232": OccupationField.IT_SUPPORT,
    "15-1241": OccupationField.NETWORKING_CLOUD,
    "15-1242": OccupationField.DATA,
    "15-1243": OccupationField.DATA,
    "15-1244": OccupationField.NETWORKING_CLOUD,
    "15-1251": OccupationField.SOFTWARE_WEB,
    "15-1252": OccupationField.SOFTWARE_WEB,
    "15-1253": OccupationField.SOFTWARE_WEB,
    "15-1254": OccupationField.SOFTWARE_WEB,
    "15-1255": OccupationField.SOFTWARE_WEB,
    "15-1299": OccupationField.RESEARCH_OTHER,
    "15-2051": OccupationField.DATA,
}

# BLS wording of "typical education needed for entry" -> our vocabulary.
ENTRY_EDUCATION_BY_BLS = {str(label).lower(): value for value, label in EntryEducation.choices} | {
    "high school diploma or equivalent": EntryEducation.HIGH_SCHOOL
}

MISSING_REASONS = {
    "median_annual_wage": gettext_noop("Not published by BLS OEWS for this code"),
    "employment": gettext_noop("Not published by BLS Employment Projections for this code"),
    "projected_change_pct": gettext_noop(
        "Not published by BLS Employment Projections for this code"
    ),
    "annual_openings": gettext_noop("Not published by BLS Employment Projections for this code"),
    "typical_entry_education": gettext_noop(
        "Not published by BLS Employment Projections for this code"
    ),
    "job_zone": gettext_noop("Not published by O*NET for this code"),
    "bright_outlook": gettext_noop("Not published by O*NET for this code"),
}


class OccupationFileError(ValueError):
    """The file was refused; nothing was loaded."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"{len(problems)} problem(s), nothing loaded: {shown}{more}")


@dataclass
class ParsedFile:
    kind: str  # "portal", "oews" or "projections"
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # by SOC code
    vintage: str = ""
    period: str = ""


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """Return the header and the rows of a CSV (UTF-8) or the first sheet of an XLSX."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [
                ["" if cell is None else str(cell).strip() for cell in row]
                for row in workbook.worksheets[0].iter_rows(values_only=True)
            ]
        finally:
            workbook.close()
    else:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = [[cell.strip() for cell in row] for row in csv.reader(handle)]
    if not rows:
        raise OccupationFileError([RowProblem(1, "", "", "the file is empty")])
    return rows[0], rows[1:]


def parse_occupation_file(path: Path, *, vintage: str = "", source_url: str = "") -> ParsedFile:
    """Tell the file's shape from its header and validate every row."""
    header, rows = read_table(path)
    names = set(header)
    if {"soc_code", "title"} <= names:
        return _parse_portal(header, rows)
    if {"OCC_CODE", "A_MEDIAN"} <= {n.upper() for n in names}:
        return _parse_oews(header, rows, vintage=vintage, source_url=source_url)
    if "Occupation Code" in names:
        return _parse_projections(header, rows, source_url=source_url)
    raise OccupationFileError(
        [
            RowProblem(
                1,
                "",
                ",".join(header[:6]),
                "unknown header: expected the portal's columns (soc_code, title, ...), an OEWS "
                "file (OCC_CODE, A_MEDIAN) or an Employment Projections export (Occupation Code)",
            )
        ]
    )


class _Checker:
    def __init__(self) -> None:
        self.problems: list[RowProblem] = []

    def add(self, row: int, column: str, value: str, message: str) -> None:
        self.problems.append(RowProblem(row, column, value, message))

    def soc(self, row: int, column: str, value: str) -> str:
        if not SOC_CODE_RE.match(value):
            self.add(row, column, value, "not a SOC 2018 code like 15-1212")
        return value

    def whole(
        self, row: int, column: str, value: str, *, lo: int = 0, hi: int | None = None
    ) -> int | None:
        if value == "":
            return None
        try:
            number = int(Decimal(value.replace(",", "")))
            if Decimal(value.replace(",", "")) != number:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.add(row, column, value, "not a whole number")
            return None
        if number < lo or (hi is not None and number > hi):
            self.add(
                row,
                column,
                value,
                f"must be between {lo} and {hi}" if hi else f"must be {lo} or more",
            )
            return None
        return number

    def decimal(self, row: int, column: str, value: str) -> Decimal | None:
        if value == "":
            return None
        try:
            return Decimal(value.replace(",", ""))
        except InvalidOperation:
            self.add(row, column, value, "not a number")
            return None

    def choice(self, row: int, column: str, value: str, allowed: dict[str, Any]) -> Any:
        if value == "":
            return None
        key = value.lower()
        if key not in allowed:
            self.add(
                row, column, value, "must be one of: " + ", ".join(sorted(k for k in allowed if k))
            )
            return None
        return allowed[key]

    def url(self, row: int, column: str, value: str, *, many: bool = False) -> str:
        parts = [p.strip() for p in value.split(";")] if many else [value]
        if value and not all(URL_RE.match(p) for p in parts):
            self.add(row, column, value, "not a web address (http:// or https://)")
        return value

    def raise_if_any(self) -> None:
        if self.problems:
            raise OccupationFileError(self.problems)


CONFIDENCE = {"verified": Confidence.VERIFIED, "secondary": Confidence.SECONDARY, "": ""}
YES_NO = {"yes": True, "no": False, "true": True, "false": False}
FIELDS = {str(v): v for v in OccupationField.values}


def _onet_vintage(url: str) -> str:
    match = re.search(r"db_(\d+)_(\d+)", url)
    return f"O*NET {match.group(1)}.{match.group(2)}" if match else ""


def _parse_portal(header: list[str], rows: list[list[str]]) -> ParsedFile:
    required = {"soc_code", "title"}
    check = _Checker()
    parsed = ParsedFile(kind="portal")
    for number, cells in enumerate(rows, start=2):
        if not any(cells):
            continue
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        soc = check.soc(number, "soc_code", row["soc_code"])
        if soc in parsed.records:
            check.add(number, "soc_code", soc, "appears twice in the file")
        for column in required:
            if not row.get(column):
                check.add(number, column, "", "required")
        rec: dict[str, Any] = {
            "soc_code": soc,
            "title": row["title"],
            "description": row.get("plain_description", ""),
            "median_annual_wage": check.whole(
                number, "median_annual_wage", row.get("median_annual_wage", "")
            ),
            "wage_vintage": row.get("wage_vintage", ""),
            "wage_source_url": check.url(number, "wage_source_url", row.get("wage_source_url", "")),
            "wage_confidence": check.choice(
                number, "wage_confidence", row.get("wage_confidence", ""), CONFIDENCE
            )
            or "",
            "employment": check.whole(number, "employment", row.get("employment", "")),
            "employment_vintage": row.get("employment_vintage", ""),
            "projected_change_pct": check.decimal(
                number, "projected_change_pct", row.get("projected_change_pct", "")
            ),
            "projection_period": row.get("projection_period", ""),
            "annual_openings": check.whole(
                number, "annual_openings", row.get("annual_openings", "")
            ),
            "projection_source_url": check.url(
                number, "projection_source_url", row.get("projection_source_url", "")
            ),
            "projection_confidence": check.choice(
                number, "projection_confidence", row.get("projection_confidence", ""), CONFIDENCE
            )
            or "",
            "typical_entry_education": row.get("typical_entry_education", ""),
            "entry_education": check.choice(
                number,
                "typical_entry_education",
                row.get("typical_entry_education", ""),
                ENTRY_EDUCATION_BY_BLS,
            )
            or "",
            "education_source_url": check.url(
                number, "education_source_url", row.get("education_source_url", "")
            ),
            "job_zone": check.whole(number, "job_zone", row.get("job_zone", ""), lo=1, hi=5),
            "bright_outlook": check.choice(
                number, "bright_outlook", row.get("bright_outlook", ""), YES_NO
            ),
            "onet_source_url": check.url(
                number, "onet_source_url", row.get("onet_source_url", ""), many=True
            ),
            "onet_confidence": check.choice(
                number, "onet_confidence", row.get("onet_confidence", ""), CONFIDENCE
            )
            or "",
        }
        rec["onet_vintage"] = row.get("onet_vintage") or _onet_vintage(rec["onet_source_url"])
        given_field = check.choice(number, "field", row.get("field", ""), FIELDS)
        rec["field"] = given_field or FIELD_BY_SOC.get(soc, "")
        # A figure without its source is not shown: demand the source wherever a figure is given.
        for figure, source in (
            ("median_annual_wage", "wage_source_url"),
            ("median_annual_wage", "wage_vintage"),
            ("employment", "projection_source_url"),
            ("projected_change_pct", "projection_period"),
            ("job_zone", "onet_source_url"),
        ):
            if rec[figure] is not None and not rec[source]:
                check.add(number, source, "", f"required when {figure} is given")
        rec["missing_reasons"] = {
            name: row.get(f"{name}_missing_reason") or reason
            for name, reason in MISSING_REASONS.items()
            if rec[name] in (None, "")
        }
        parsed.records[soc] = rec
    check.raise_if_any()
    return parsed


def _column(header: list[str], *names: str) -> int | None:
    upper = [h.upper() for h in header]
    for name in names:
        if name.upper() in upper:
            return upper.index(name.upper())
    return None


def _parse_oews(
    header: list[str], rows: list[list[str]], *, vintage: str, source_url: str
) -> ParsedFile:
    check = _Checker()
    if not vintage:
        check.add(1, "", "", "an OEWS file needs --vintage (for example 'May 2025')")
        check.raise_if_any()
    code_at, median_at = _column(header, "OCC_CODE"), _column(header, "A_MEDIAN")
    title_at, group_at = _column(header, "OCC_TITLE"), _column(header, "O_GROUP")
    area_at = _column(header, "AREA_TYPE")
    parsed = ParsedFile(kind="oews", vintage=vintage)
    for number, cells in enumerate(rows, start=2):
        cells = cells + [""] * (len(header) - len(cells))
        if group_at is not None and cells[group_at].lower() != "detailed":
            continue
        if area_at is not None and cells[area_at] not in ("", "1"):
            continue  # national rows only; a state or metro file is not what we publish
        code = check.soc(number, "OCC_CODE", cells[code_at])  # type: ignore[index]
        raw = cells[median_at]  # type: ignore[index]
        reason = ""
        if raw == "*":
            wage, reason = None, f"Not published by BLS OEWS {vintage} for this code"
        elif raw == "#":
            wage, reason = None, f"Above the top of BLS OEWS {vintage} wage ranges; no exact median"
        else:
            wage = check.whole(number, "A_MEDIAN", raw)
        if code in parsed.records:
            check.add(number, "OCC_CODE", code, "appears twice in the file")
        parsed.records[code] = {
            "title": cells[title_at] if title_at is not None else "",  # type: ignore[index]
            "median_annual_wage": wage,
            "wage_vintage": vintage,
            "wage_source_url": source_url or OEWS_DEFAULT_URL,
            "wage_confidence": Confidence.VERIFIED,
            "reason": reason,
        }
    check.raise_if_any()
    return parsed


def _parse_projections(header: list[str], rows: list[list[str]], *, source_url: str) -> ParsedFile:
    check = _Checker()
    years = sorted(m.group(1) for h in header if (m := re.match(r"^Employment (\d{4})$", h)))
    if len(years) != 2:
        check.add(
            1, "Employment YYYY", ",".join(header[:4]), "expected two 'Employment YYYY' columns"
        )
        check.raise_if_any()
    base, target = years
    period = f"{base}-{target}"
    columns = {
        "code": "Occupation Code",
        "employment": f"Employment {base}",
        "change": f"Employment Percent Change, {period}",
        "openings": f"Occupational Openings, {period} Annual Average",
        "education": "Typical Entry-Level Education",
    }
    for name in columns.values():
        if name not in header:
            check.add(1, name, "", "column missing")
    check.raise_if_any()
    at = {key: header.index(name) for key, name in columns.items()}
    parsed = ParsedFile(
        kind="projections", vintage=f"{base} (BLS Employment Projections base year)", period=period
    )
    for number, cells in enumerate(rows, start=2):
        cells = cells + [""] * (len(header) - len(cells))
        if not any(cells):
            continue
        code = check.soc(number, columns["code"], cells[at["code"]])
        thousands = check.decimal(number, columns["employment"], cells[at["employment"]])
        openings = check.decimal(number, columns["openings"], cells[at["openings"]])
        education = cells[at["education"]]
        level = check.choice(number, columns["education"], education, ENTRY_EDUCATION_BY_BLS)
        if code in parsed.records:
            check.add(number, columns["code"], code, "appears twice in the file")
        # Published in thousands with one decimal: the unit change is the only change made.
        parsed.records[code] = {
            "employment": int(thousands * 1000) if thousands is not None else None,
            "projected_change_pct": check.decimal(number, columns["change"], cells[at["change"]]),
            "annual_openings": int(openings * 1000) if openings is not None else None,
            "typical_entry_education": education,
            "entry_education": level or "",
            "employment_vintage": parsed.vintage,
            "projection_period": period,
            "projection_source_url": source_url or PROJECTIONS_DEFAULT_URL,
            "education_source_url": source_url or PROJECTIONS_DEFAULT_URL,
            "projection_confidence": Confidence.VERIFIED,
        }
    check.raise_if_any()
    return parsed
