"""Read a hiring-data file into a Postgres staging table, validate it in SQL, aggregate it.

The file is streamed (CSV or XLSX rows) through COPY into a temporary table of text columns
with the spreadsheet row number; every rule is one set-based query writing into a temporary
problems table; only when that stays empty are the rows grouped into cells: HiringCount (the
six dimensions) and HiringCredentialCount (training pathway by credential held).
Call import_file() inside a transaction: the temporary tables drop at commit.
"""

import codecs
import csv
import io
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg2
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from pathways.models import SOC_CODE_RE

from .messages import sql_message_case
from .models import Education, JobCategory, RaceEthnicity, Sex, SubmissionShape, TrainingPathway

UNNAMED = "unnamed_"  # staging column of a file column whose header cell is empty
DIMENSIONS = ["soc_code", "job_category", "race_ethnicity", "sex", "education", "training_pathway"]
COLUMNS: dict[str, list[str]] = {
    SubmissionShape.RECORDS: ["hire_id", "hire_date", *DIMENSIONS, "credential"],
    SubmissionShape.COUNTS: [*DIMENSIONS, "hires"],
}
OPTIONAL = {"credential"}
VOCABULARIES = {
    "job_category": JobCategory.values,
    "race_ethnicity": RaceEthnicity.values,
    "sex": Sex.values,
    "education": Education.values,
    "training_pathway": TrainingPathway.values,
}
# Header words that mean a column holds personal data; matched against the header's words.
PERSONAL_WORDS = {
    "name", "names", "firstname", "lastname", "fullname", "surname", "email", "mail", "ssn",
    "ssns", "social", "dob", "birth", "birthdate", "birthday", "born", "address", "street",
    "zip", "zipcode", "postal", "postcode", "phone", "telephone", "mobile", "cell", "nombre",
    "apellido", "correo", "nacimiento", "direccion", "telefono",
}  # fmt: skip
WHITESPACE = " \t\r\n\u00a0"
CHUNK = 1 << 20
# Postgres text cannot hold a NUL; it is shown to the member as the visible NUL symbol.
NUL, NUL_SHOWN = "\x00", "\u2400"
# An e-mail address anywhere in a cell (Postgres regular expression, case-insensitive).
EMAIL_SQL = r"[^@[:space:]]+@[^@[:space:]]+\.[a-z]{2,}"
# Most columns a header may have: the staging table needs one per column, and Postgres stops
# at 1,600 (a hiring file needs nine).
MAX_COLUMNS_CEILING = 1500


@dataclass
class Problem:
    """One problem found before the rows reach the database."""

    code: str
    row: int | None = None
    column: str = ""
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)


class FileRefused(Exception):
    """The file cannot be read at all; the problems say why."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].code)
        self.problems = problems


@dataclass
class ImportResult:
    shape: str = ""
    rows: int = 0
    hires: int = 0
    cells: int = 0
    issues_total: int = 0
    # Seconds spent in each step, for the benchmark and the logs.
    timings: dict[str, float] = field(default_factory=dict)


# --- Reading -------------------------------------------------------------------------------


def file_kind(filename: str) -> str:
    """'csv' or 'xlsx' from the file name, '' for anything else."""
    suffix = Path(filename).suffix.lower()
    return {".csv": "csv", ".xlsx": "xlsx"}.get(suffix, "")


def _check_utf8(path: Path) -> None:
    """Refuse a file that is not UTF-8, naming the row of the first unreadable byte."""
    with path.open("rb") as raw:
        decoder = codecs.getincrementaldecoder("utf-8")()
        lines = 1
        while chunk := raw.read(CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                row = lines + chunk.count(b"\n", 0, error.start)
                raise FileRefused([Problem("not_utf8", row=row, params={"row": row})]) from None
            lines += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise FileRefused([Problem("not_utf8", row=lines, params={"row": lines})]) from None


def _refuse_utf16(path: Path) -> None:
    with path.open("rb") as raw:
        start = raw.read(4096)
    if start[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or _looks_utf16(start):
        raise FileRefused([Problem("utf16")])


def _looks_utf16(sample: bytes) -> bool:
    """True for UTF-16 text without a byte-order mark: every other byte of ASCII text is 0."""
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return evens.count(0) >= len(evens) * 0.4 or odds.count(0) >= len(odds) * 0.4


def _csv_rows(path: Path) -> Iterator[list[str]]:
    """The header, then (once asked for) every other row.

    The whole file is checked to be UTF-8 only when rows past the header are read: the fast
    path's COPY checks the bytes itself, and falls back to these rows when they are not UTF-8.
    """
    _refuse_utf16(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as text:
            header = next(csv.reader(text), None)
    except (UnicodeDecodeError, csv.Error):
        header = None  # the checks below say where
    if header is not None:
        yield header
    _check_utf8(path)
    with path.open(encoding="utf-8-sig", newline="") as text:
        reader = csv.reader(text)
        row = 1
        try:
            for row, cells in enumerate(reader, start=1):
                if row > 1 or header is None:
                    yield cells
        except csv.Error:
            problem = Problem("unreadable_csv", row=row + 1, params={"row": row + 1})
            raise FileRefused([problem]) from None


def _xlsx_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and callable(value.date):  # datetime -> its date, as ISO
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    max_bytes = settings.HIRINGDATA_MAX_XLSX_UNCOMPRESSED_BYTES
    # Add up the declared sizes before anything is decompressed: a zip bomb stops here.
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise FileRefused([Problem("bad_xlsx")]) from None
    if unpacked > max_bytes:
        params = {"size_mb": unpacked // 2**20, "max_mb": max_bytes // 2**20}
        raise FileRefused([Problem("xlsx_too_large", params=params)])

    import openpyxl  # openpyxl parses with defusedxml when it is installed (it is a dependency)

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # any parse failure means the same thing to the member
        raise FileRefused([Problem("bad_xlsx")]) from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_xlsx_cell(value) for value in values]
    except FileRefused:
        raise
    except Exception:
        raise FileRefused([Problem("bad_xlsx")]) from None
    finally:
        workbook.close()


def read_rows(path: Path, kind: str) -> Iterator[list[str]]:
    """Every row of the file (header first) as a list of strings."""
    return _xlsx_rows(path) if kind == "xlsx" else _csv_rows(path)


# --- The header ----------------------------------------------------------------------------


def _is_personal(name: str) -> bool:
    words = [word for word in re.split(r"[^a-z0-9]+", name) if word]
    joined = "".join(words)
    return bool(PERSONAL_WORDS.intersection(words)) or any(
        phrase in joined for phrase in ("socialsecurity", "dateofbirth", "email", "phonenumber")
    )


def _header_problem(code: str, cell: str) -> Problem:
    return Problem(code, row=1, column=cell, value=cell, params={"column": cell.strip()})


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column position: A, B, ..., Z, AA, ..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def read_header(header: list[str]) -> tuple[str, list[int | None], list[Problem]]:
    """The shape, the position of each of its columns in the file, and any header problems."""
    most = min(settings.HIRINGDATA_MAX_COLUMNS, MAX_COLUMNS_CEILING)
    if len(header) > most:
        params = {"found": len(header), "max_columns": most}
        return "", [], [Problem("too_many_columns", row=1, params=params)]
    names = [cell.strip(WHITESPACE).lower() for cell in header]
    problems: list[Problem] = []
    for position, name in enumerate(names):
        if name and _is_personal(name):
            problems.append(_header_problem("personal_data_column", header[position]))
    if problems:
        return "", [], problems  # refused before any row is read

    present = set(names)
    if "hires" in present and ({"hire_id", "hire_date"} & present):
        return "", [], [Problem("mixed_shape", row=1)]
    if "hires" in present:
        shape = SubmissionShape.COUNTS
    elif {"hire_id", "hire_date"} & present:
        shape = SubmissionShape.RECORDS
    else:
        return "", [], [Problem("unknown_shape", row=1)]

    columns = COLUMNS[shape]
    seen: set[str] = set()
    for position, name in enumerate(names):
        if not name:
            continue  # an unnamed, usually empty, column that spreadsheets leave behind
        if name in seen:
            problems.append(
                Problem("duplicate_column", row=1, column=name, params={"column": name})
            )
        elif name not in columns:
            problems.append(_header_problem("unknown_column", header[position]))
        seen.add(name)
    for name in columns:
        if name not in present and name not in OPTIONAL:
            problems.append(Problem("missing_column", row=1, column=name, params={"column": name}))
    positions = [names.index(name) if name in present else None for name in columns]
    return shape, positions, problems


# --- Streaming into COPY -------------------------------------------------------------------


class _CopyStream(io.TextIOBase):
    """A file-like object that COPY reads from: the rows as CSV, row number first."""

    def __init__(
        self,
        rows: Iterator[list[str]],
        positions: list[int | None],
        width: int,
        pad: bool,
        columns: list[str],
    ):
        self.rows = rows
        # Spreadsheets leave trailing empty cells out; a CSV row that is short is a mistake.
        self.pad = pad
        # The shape's columns found in the file, then the unnamed ones (checked for personal data).
        self.present = [position for position in positions if position is not None]
        self.present += [index for index, name in enumerate(columns) if name.startswith(UNNAMED)]
        self.names = [columns[position] for position in self.present]
        self.width = width
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")
        self.count = 0
        self.max_rows = settings.HIRINGDATA_MAX_ROWS
        self.problems: list[Problem] = []
        self.max_problems = settings.HIRINGDATA_MAX_STORED_ISSUES
        self.refused: FileRefused | None = None
        self.nul_found = False

    def _rows(self) -> Iterator[list[Any]]:
        present, width = self.present, self.width
        for row_number, cells in enumerate(self.rows, start=2):
            if not any(cells):
                continue  # a blank line; spreadsheets often leave some at the end
            if len(cells) != width:
                if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
                    cells = cells[:width]
                elif not any(cell.strip(WHITESPACE) for cell in cells):
                    continue
                elif self.pad and len(cells) < width:
                    cells = cells + [""] * (width - len(cells))
                else:
                    if len(self.problems) < self.max_problems:
                        self.problems.append(
                            Problem(
                                "ragged_row",
                                row=row_number,
                                params={"found": len(cells), "expected": width},
                            )
                        )
                    cells = (cells + [""] * width)[:width]
            self.count += 1
            if self.count > self.max_rows:
                raise FileRefused([Problem("too_many_rows", params={"max_rows": self.max_rows})])
            values = [cells[position] for position in present]
            if any(NUL in value for value in values):
                values = self._without_nul(row_number, values)
            yield [row_number, *values]

    def _without_nul(self, row_number: int, values: list[str]) -> list[str]:
        """Note each cell holding a NUL byte and make it storable."""
        for name, value in zip(self.names, values, strict=True):
            if NUL in value and len(self.problems) < self.max_problems:
                shown = value.replace(NUL, NUL_SHOWN)
                self.nul_found = True
                self.problems.append(Problem("nul_byte", row=row_number, column=name, value=shown))
        return [value.replace(NUL, NUL_SHOWN) for value in values]

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:  # type: ignore[override]
        want = CHUNK if size is None or size < 0 else size
        if not hasattr(self, "_iterator"):
            self._iterator = self._rows()
        while self.buffer.tell() < want and self.refused is None:
            batch = []
            for _ in range(1000):
                try:
                    row = next(self._iterator, None)
                except FileRefused as refused:
                    # Raising inside COPY would abort the transaction; end the data instead.
                    self.refused = refused
                    row = None
                if row is None:
                    break
                batch.append(row)
            if not batch:
                break
            self.writer.writerows(batch)
        data = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return data


# --- Validation in SQL ---------------------------------------------------------------------

TRIM = "btrim({0}, E' \\t\\r\\n\\u00a0')"
SOC_FORM = SOC_CODE_RE.pattern
DATE_FORM = r"^\d{4}-\d{2}-\d{2}$"


def _norm(column: str) -> str:
    return f"lower({TRIM.format(column)})"


def _empty(column: str) -> str:
    return f"coalesce({TRIM.format(column)}, '') = ''"


def _issue(column: str, code: str, where: str, params: str = "'{}'::jsonb") -> str:
    return f"SELECT rn, '{column}', {column}, '{code}', {params} FROM hd_staging WHERE {where}"


def _real_date_sql(date: str, year: int) -> str:
    """True when a YYYY-MM-DD text in the given year is a real day (CASE keeps casts safe)."""
    month = f"substr({date}, 6, 2)::int"
    day = f"substr({date}, 9, 2)::int"
    last_day = (
        f"extract(day from make_date({int(year)}, {month}, 1) "
        "+ interval '1 month' - interval '1 day')"
    )
    return (
        f"(CASE WHEN {month} BETWEEN 1 AND 12 THEN {day} BETWEEN 1 AND {last_day} ELSE false END)"
    )


def _validation_queries(shape: str, year: int) -> list[tuple[str, list[Any]]]:
    queries: list[tuple[str, list[Any]]] = []
    columns = COLUMNS[shape]
    for column in columns:
        if column not in OPTIONAL:
            queries.append((_issue(column, "required", _empty(column)), []))
    for column, values in VOCABULARIES.items():
        allowed = ", ".join(values)
        queries.append(
            (
                _issue(
                    column,
                    "not_in_list",
                    f"NOT {_empty(column)} AND {_norm(column)} <> ALL(%s::text[])",
                    f"jsonb_build_object('value', {TRIM.format(column)}, 'column', "
                    f"'{column}', 'allowed', %s::text)",
                ),
                [allowed, list(values)],
            )
        )
    soc = TRIM.format("soc_code")
    queries.append(
        (
            _issue("soc_code", "bad_soc_form", f"NOT {_empty('soc_code')} AND {soc} !~ %s"),
            [SOC_FORM],
        )
    )
    queries.append(
        (
            _issue(
                "soc_code",
                "unknown_soc",
                f"{soc} ~ %s AND NOT EXISTS "
                f"(SELECT 1 FROM pathways_occupation o "
                f"WHERE o.soc_code = {TRIM.format('hd_staging.soc_code')})",
                f"jsonb_build_object('value', {soc})",
            ),
            [SOC_FORM],
        )
    )
    if shape == SubmissionShape.RECORDS:
        date = TRIM.format("hire_date")
        year_param = "jsonb_build_object('year', %s::int)"
        in_form = f"{date} ~ '{DATE_FORM}'"
        queries += [
            (
                _issue(
                    "hire_date",
                    "bad_date",
                    f"NOT {_empty('hire_date')} AND NOT {in_form}",
                    year_param,
                ),
                [year],
            ),
            (
                _issue(
                    "hire_date",
                    "date_outside_year",
                    f"CASE WHEN {in_form} THEN substr({date}, 1, 4) <> %s ELSE false END",
                    year_param,
                ),
                [year, str(year)],
            ),
            (
                # In the year but not a real date (2025-02-30, 2025-13-01).
                _issue(
                    "hire_date",
                    "bad_date",
                    f"CASE WHEN {in_form} AND substr({date}, 1, 4) = %s "
                    f"THEN NOT {_real_date_sql(date, year)} ELSE false END",
                    year_param,
                ),
                [year, str(year)],
            ),
            (
                "SELECT s.rn, 'hire_id', s.hire_id, 'duplicate_hire_id', "
                "jsonb_build_object('first_row', d.first_row) FROM hd_staging s JOIN ("
                f"  SELECT {TRIM.format('hire_id')} AS k, min(rn) AS first_row FROM hd_staging"
                f"  WHERE NOT {_empty('hire_id')} GROUP BY 1 HAVING count(*) > 1"
                f") d ON d.k = {TRIM.format('s.hire_id')} WHERE s.rn > d.first_row",
                [],
            ),
            (
                _issue(
                    "credential",
                    "unknown_credential",
                    f"NOT {_empty('credential')} AND NOT EXISTS "
                    "(SELECT 1 FROM hd_credentials c "
                    f"WHERE c.k = {_norm('hd_staging.credential')})",
                    f"jsonb_build_object('value', {TRIM.format('credential')})",
                ),
                [],
            ),
        ]
    else:
        # Submission.hires_total is a Postgres integer.
        max_hires = min(settings.HIRINGDATA_MAX_TOTAL_HIRES, 2**31 - 1)
        groups = ", ".join(_norm(column) for column in DIMENSIONS)
        joined = " AND ".join(f"d.k{i} = {_norm('s.' + c)}" for i, c in enumerate(DIMENSIONS))
        keys = ", ".join(f"{_norm(column)} AS k{i}" for i, column in enumerate(DIMENSIONS))
        queries += [
            (
                _issue(
                    "hires", "bad_hires", f"NOT {_empty('hires')} AND {TRIM.format('hires')} !~ %s"
                ),
                [r"^\d{1,9}$"],
            ),
            (
                # The first row where the running total passes what a submission can hold.
                "SELECT rn, 'hires', hires, 'too_many_hires', jsonb_build_object('max', %s::bigint)"
                " FROM (SELECT rn, hires, sum(CASE WHEN "
                f"{TRIM.format('hires')} ~ '^\\d{{1,9}}$' THEN {TRIM.format('hires')}::bigint "
                "ELSE 0 END) OVER (ORDER BY rn) AS running FROM hd_staging) s "
                "WHERE running > %s ORDER BY rn LIMIT 1",
                [max_hires, max_hires],
            ),
            (
                "SELECT s.rn, '', '', 'duplicate_group', "
                "jsonb_build_object('first_row', d.first_row)"
                f" FROM hd_staging s JOIN (SELECT {keys}, min(rn) AS first_row FROM hd_staging"
                f" GROUP BY {groups} HAVING count(*) > 1) d ON {joined} WHERE s.rn > d.first_row",
                [],
            ),
        ]
    return queries


# Which grouping set a row of hd_groups comes from: GROUPING(soc_code, credential, hire_date).
CELLS, CREDENTIALS, DATES = 0b011, 0b101, 0b110


def _create_groups(shape: str) -> None:
    """Group the rows, in one pass, into the two kinds of cell the portal keeps (and dates).

    The text is grouped as typed (cheap); it is tidied on the far fewer groups. CELLS: the six
    dimensions (HiringCount); CREDENTIALS: training pathway by credential held
    (HiringCredentialCount); DATES: each hire date once, for checking. Each kind has its own
    partition, so reading the few credential and date groups does not scan every cell.
    """
    dims = ", ".join(DIMENSIONS)
    columns = ", ".join(f"{column} text" for column in [*DIMENSIONS, "credential", "hire_date"])
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE hd_groups ({columns}, kind int, hires bigint) "
            "PARTITION BY LIST (kind) ON COMMIT DROP"
        )
        for name, kind in (("cells", CELLS), ("credentials", CREDENTIALS), ("dates", DATES)):
            cursor.execute(
                f"CREATE TEMP TABLE hd_groups_{name} PARTITION OF hd_groups "
                f"FOR VALUES IN ({kind}) ON COMMIT DROP"
            )
        if shape == SubmissionShape.RECORDS:
            cursor.execute(
                f"INSERT INTO hd_groups SELECT {dims}, credential, hire_date, "
                "GROUPING(soc_code, credential, hire_date), count(*) FROM hd_staging "
                f"GROUP BY GROUPING SETS (({dims}), (training_pathway, credential), (hire_date))"
            )
        else:
            cursor.execute(
                f"INSERT INTO hd_groups SELECT {dims}, NULL, NULL, "
                f"CASE GROUPING(soc_code) WHEN 0 THEN {CELLS} ELSE {CREDENTIALS} END, "
                f"sum({TRIM.format('hires')}::bigint) "
                f"FROM hd_staging GROUP BY GROUPING SETS (({dims}), (training_pathway))"
            )


def _tidy(column: str, name: str | None = None) -> str:
    """A value as stored: trimmed, and lower-cased unless it is a SOC code."""
    name = name or column
    return TRIM.format(name) if column == "soc_code" else _norm(name)


def _groups_look_valid(year: int) -> tuple[bool, bool]:
    """Whether every value of every group is valid, and whether all are already tidy.

    Checked on each column's distinct values (a few dozen), not on the groups or the rows.
    """
    # The five columns only the cells hold: one pass, a small hash table each; every row is in
    # a CREDENTIALS group, whose few rows hold every pathway and credential.
    five = DIMENSIONS[:-1]
    parts = [
        f"SELECT CASE 0 {' '.join(f'WHEN GROUPING({c}) THEN {c!r}' for c in five)} END AS col,"
        f" CASE 0 {' '.join(f'WHEN GROUPING({c}) THEN {c}' for c in five)} END AS raw"
        f" FROM hd_groups WHERE kind = {CELLS}"
        f" GROUP BY GROUPING SETS ({', '.join(f'({c})' for c in five)})",
        *(
            f"SELECT '{column}', {column} FROM hd_groups WHERE kind = {CREDENTIALS}"
            f" GROUP BY {column}"
            for column in ("training_pathway", "credential")
        ),
        f"SELECT 'hire_date', hire_date FROM hd_groups WHERE kind = {DATES}",
    ]
    date = TRIM.format("raw")
    checks = [
        f"WHEN 'soc_code' THEN {TRIM.format('raw')} ~ '{SOC_FORM}' AND EXISTS "
        f"(SELECT 1 FROM pathways_occupation o WHERE o.soc_code = {TRIM.format('raw')})",
        f"WHEN 'credential' THEN coalesce({TRIM.format('raw')}, '') = '' OR EXISTS "
        f"(SELECT 1 FROM hd_credentials c WHERE c.k = {_norm('raw')})",
        f"WHEN 'hire_date' THEN CASE WHEN {date} ~ '{DATE_FORM}' AND substr({date}, 1, 4) = %s "
        f"THEN {_real_date_sql(date, year)} ELSE false END",
    ]
    params: list[Any] = [str(year)]
    for column, values in VOCABULARIES.items():
        checks.append(f"WHEN '{column}' THEN {_norm('raw')} = ANY(%s::text[])")
        params.append(list(values))
    tidy = " ".join(f"WHEN '{column}' THEN raw = {_tidy(column, 'raw')}" for column in DIMENSIONS)
    with connection.cursor() as cursor:
        cursor.execute(
            # coalesce: an empty (NULL) cell makes a check unknown; unknown counts as failed.
            f"SELECT coalesce(bool_and(coalesce(CASE col {' '.join(checks)} END, false)), true),"
            f" coalesce(bool_and(coalesce(CASE col {tidy} ELSE true END, false)), true)"
            f" FROM ({' UNION ALL '.join(parts)}) v",
            params,
        )
        valid, tidy_already = cursor.fetchone()
    return bool(valid), bool(tidy_already)


def _hire_ids_look_unique() -> bool:
    """Every hire id is there, without spaces around it, and different from the others.

    Compared by 64-bit hash (sorting a million numbers, not a million strings): different
    hashes are different ids; a repeated hash (a repeated id or, very rarely, two ids with one
    hash) sends the file to the exact rules, which tell the two apart.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) = count(DISTINCT hashtextextended(hire_id, 0)) AND NOT coalesce("
            f"bool_or(coalesce(hire_id, '') = '' OR hire_id <> {TRIM.format('hire_id')}), "
            "false) FROM hd_staging"
        )
        return bool(cursor.fetchone()[0])


def _insert_cells(*, submission_id: int, shape: str, tidy: bool) -> tuple[int, int]:
    """Store the groups as cells of both kinds; return (six-dimension cells, hires).

    ``tidy``: every value is already as stored, so the groups are the cells as they are.
    """
    columns = ", ".join(DIMENSIONS)
    if tidy:
        select = f"{columns}, hires FROM hd_groups WHERE kind = {CELLS}"
    else:
        tidied = ", ".join(_tidy(column) for column in DIMENSIONS)
        select = (
            f"{tidied}, sum(hires) FROM hd_groups WHERE kind = {CELLS} "
            f"GROUP BY {', '.join(str(i) for i in range(2, 2 + len(DIMENSIONS)))}"
        )
    if shape == SubmissionShape.RECORDS:
        credential, join = "c.id", f"LEFT JOIN hd_credentials c ON c.k = {_norm('g.credential')}"
    else:
        credential, join = "NULL::bigint", ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO hiringdata_hiringcount (submission_id, {columns}, hires) "
            f"SELECT %s, {select}",
            [submission_id],
        )
        cells = cursor.rowcount
        cursor.execute(
            "INSERT INTO hiringdata_hiringcredentialcount (submission_id, training_pathway, "
            f"credential_id, hires) SELECT %s, {_norm('g.training_pathway')}, {credential}, "
            f"sum(g.hires) FROM hd_groups g {join} WHERE g.kind = {CREDENTIALS} GROUP BY 2, 3",
            [submission_id],
        )
        cursor.execute(f"SELECT coalesce(sum(hires), 0) FROM hd_groups WHERE kind = {CREDENTIALS}")
        hires = int(cursor.fetchone()[0])
    return cells, hires


def _store_problems(problems: list[Problem]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO hd_issues (rn, col, val, code, params) VALUES (%s, %s, %s, %s, %s::jsonb)",
            [(p.row, p.column, p.value, p.code, _json(p.params)) for p in problems],
        )


def _json(params: dict[str, Any]) -> str:
    import json

    return json.dumps(params)


def _save_issues(submission_id: int) -> int:
    """Copy the problems into ValidationIssue (at most the configured number); return the total."""
    case, args = sql_message_case("i.code", "i.params")
    cap = settings.HIRINGDATA_MAX_STORED_ISSUES
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM hd_issues")
        total = cursor.fetchone()[0]
        cursor.execute(
            'INSERT INTO hiringdata_validationissue (submission_id, row, "column", value, code, '
            f"params, message) SELECT %s, i.rn, left(i.col, 100), left(coalesce(i.val, ''), 300), "
            f"i.code, i.params, {case} FROM ("
            "  SELECT * FROM hd_issues ORDER BY rn NULLS FIRST, col LIMIT %s"
            ") i ORDER BY i.rn NULLS FIRST, i.col",
            [submission_id, *args, cap],
        )
    return int(total)


def import_file(*, path: Path, kind: str, submission_id: int, year: int) -> ImportResult:
    """Validate one file and, when it has no problem, store its cells of both kinds."""
    result = ImportResult()
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.timings[step] = round(result.timings.get(step, 0) + now - clock, 3)
        clock = now

    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TABLE IF EXISTS hd_issues, hd_staging, hd_credentials, hd_groups; "
            "CREATE TEMP TABLE hd_issues (rn int, col text, val text, code text, params jsonb) "
            "ON COMMIT DROP"
        )
    rows = read_rows(path, kind)
    try:
        header = next(rows, None)
        lap("open_file")
        if header is None or not any(cell.strip() for cell in header):
            raise FileRefused([Problem("empty_file", row=1)])
        shape, positions, problems = read_header(header)
        if problems:
            raise FileRefused(problems)
        result.shape = shape
        copied = _copy_raw(path, header, shape) if kind == "csv" else None
        if copied is None:
            result.rows = _copy_rows(rows, header, shape, positions, kind)
        else:
            result.rows = copied
        lap("read_and_copy")
        if result.rows == 0:
            raise FileRefused([Problem("no_rows", row=2)])
        _refuse_personal_values(header)
    except FileRefused as refused:
        _store_problems(refused.problems)
        result.issues_total = _save_issues(submission_id)
        return result
    finally:
        rows.close()  # type: ignore[attr-defined]

    with connection.cursor() as cursor:
        # Room for the hash aggregates over a million rows (this transaction only); compiling
        # these few queries would cost more than it saves.
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute("SET LOCAL jit = off")
        # Fast path: a clean records file is checked on its groups' values plus one pass over
        # the hire ids.
        valid = tidy = False
        if shape == SubmissionShape.RECORDS and not _has_issues():
            _create_groups(shape)
            lap("group")
            _create_credentials(f"hd_groups WHERE kind = {CREDENTIALS}")
            valid, tidy = _groups_look_valid(year)
            lap("check_groups")
            valid = valid and _hire_ids_look_unique()
            lap("check_rows")
        if not valid:
            cursor.execute("ANALYZE hd_staging")
            result.rows = _drop_blank_rows(shape)
            if shape == SubmissionShape.RECORDS:
                cursor.execute("DROP TABLE IF EXISTS hd_credentials")
                _create_credentials("hd_staging")
            lap("analyze")
            for index, (sql, params) in enumerate(_validation_queries(shape, year)):
                cursor.execute(f"INSERT INTO hd_issues (rn, col, val, code, params) {sql}", params)
                lap(f"rule_{index}")
            if _has_issues():
                result.issues_total = _save_issues(submission_id)
                return result
            cursor.execute("DROP TABLE IF EXISTS hd_groups")
            _create_groups(shape)
            lap("group")
        result.cells, result.hires = _insert_cells(
            submission_id=submission_id, shape=shape, tidy=tidy
        )
        lap("insert_cells")
    return result


def _has_issues() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM hd_issues)")
        return bool(cursor.fetchone()[0])


def _drop_blank_rows(shape: str) -> int:
    """Forget rows where every cell is empty (spreadsheets leave them); return the rows left."""
    blank = " AND ".join(_empty(column) for column in COLUMNS[shape])
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM hd_staging WHERE {blank}")
        cursor.execute("SELECT count(*) FROM hd_staging")
        return int(cursor.fetchone()[0])


def _file_columns(header: list[str]) -> list[str]:
    """The staging column for each column of the file, in file order."""
    names = [cell.strip(WHITESPACE).lower() for cell in header]
    return [name if name else f"{UNNAMED}{index}" for index, name in enumerate(names)]


def _refuse_personal_values(header: list[str]) -> None:
    """Refuse the file when a column with no name holds e-mail addresses: personal data."""
    unnamed = [name for name in _file_columns(header) if name.startswith(UNNAMED)]
    if not unnamed:
        return
    firsts = ", ".join(f"min(rn) FILTER (WHERE {name} ~* %s)" for name in unnamed)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {firsts} FROM hd_staging", [EMAIL_SQL] * len(unnamed))
        found = cursor.fetchone()
    problems = [
        Problem(
            "personal_data_values",
            row=row,
            column=column_letter(int(name.removeprefix(UNNAMED))),
            params={"column": column_letter(int(name.removeprefix(UNNAMED)))},
        )
        for name, row in zip(unnamed, found, strict=True)
        if row is not None
    ]
    if problems:
        raise FileRefused(problems)


def _copy_raw(path: Path, header: list[str], shape: str) -> int | None:
    """COPY the file's bytes as they are; None when Postgres cannot (short rows, blank lines).

    This is the fast path for well-formed CSV; the row number comes from an identity column.
    """
    columns = ", ".join(_file_columns(header))
    max_rows = settings.HIRINGDATA_MAX_ROWS
    try:
        with transaction.atomic(), connection.cursor() as cursor, path.open("rb") as raw:
            _create_staging(shape, len(header))
            # The driver's own cursor: Django's debug wrapper does not pass the chunk size on.
            cursor.cursor.copy_expert(
                f"COPY hd_staging ({columns}) FROM STDIN WITH (FORMAT csv, HEADER true, FREEZE)",
                raw,
                size=CHUNK,
            )
            copied = cursor.cursor.rowcount
            if copied > max_rows:
                raise FileRefused([Problem("too_many_rows", params={"max_rows": max_rows})])
    except (DatabaseError, psycopg2.Error):  # copy_expert's errors arrive unwrapped
        return None
    return int(copied)


def _copy_rows(
    rows: Iterator[list[str]], header: list[str], shape: str, positions: list[int | None], kind: str
) -> int:
    """COPY rows parsed in Python (XLSX, or CSV that needed care), each with its row number."""
    columns = _file_columns(header)
    stream = _CopyStream(rows, positions, len(header), pad=kind == "xlsx", columns=columns)
    _create_staging(shape, len(header))
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY hd_staging (rn, {', '.join(stream.names)}) FROM STDIN WITH (FORMAT csv, FREEZE)",
            stream,
        )
    if stream.refused is not None:
        raise stream.refused
    if stream.nul_found:
        raise FileRefused(stream.problems)  # the other rules would only repeat these cells
    if stream.problems:
        _store_problems(stream.problems)
    return stream.count


def _create_staging(shape: str, width: int) -> None:
    """The staging table, created where the COPY runs so it can FREEZE its rows.

    Frozen rows need no visibility check on every later scan: the GROUP BYs run 2-5x faster.
    """
    columns = ", ".join(f"{column} text" for column in COLUMNS[shape])
    spare = "".join(f", {UNNAMED}{index} text" for index in range(width))
    with connection.cursor() as cursor:
        # Row numbers as in a spreadsheet: the header is row 1, the first data row is row 2.
        cursor.execute(
            "CREATE TEMP TABLE hd_staging (rn int GENERATED BY DEFAULT AS IDENTITY "
            f"(START WITH 2), {columns}{spare}) ON COMMIT DROP"
        )


def _create_credentials(source: str) -> None:
    """The catalog credentials the file names (in its credential column of ``source``), by
    slug or CTDL id, lower-cased; one row per key."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE hd_credentials ON COMMIT DROP AS "
            f"WITH named AS (SELECT DISTINCT {_norm('credential')} AS k FROM {source}) "
            "SELECT DISTINCT ON (k) k, id FROM ("
            "  SELECT n.k, c.id FROM named n JOIN credentials_credential c ON lower(c.slug) = n.k"
            "  UNION ALL SELECT n.k, c.id FROM named n"
            "  JOIN credentials_credential c ON c.ctdl_id <> '' AND lower(c.ctdl_id) = n.k"
            ") keys ORDER BY k, id"
        )
        cursor.execute("CREATE UNIQUE INDEX ON hd_credentials (k)")
        cursor.execute("ANALYZE hd_credentials")
