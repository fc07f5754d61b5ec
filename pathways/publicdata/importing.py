"""The importer pattern every public-data format follows (O*NET, OEWS, ETPL, Scorecard...).

An importer is one module named for its format. It
1. checks the header first and names every missing or misplaced column;
2. reads the rows as a stream, checks each cell, and collects every problem as
   (row, column, value, message), rows counted as in a spreadsheet (header = row 1);
3. writes good rows into a temporary table with COPY and merges them into the real table with
   set-based SQL (``staging_merge``), counting rows added, changed and removed;
4. runs inside ``public_data_load``, which records the load, skips a file whose SHA-256 matches
   the last load of the same source and scope, and keeps the whole file in one transaction: any
   problem refuses the file, nothing of it is written, and the previous vintage stays live.
"""

import bz2
import contextlib
import gzip
import hashlib
import io
import lzma
import re
import shutil
import tempfile
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

from django.db import connection, connections, models, transaction
from django.utils import timezone

from .models import DataLoad, LoadStatus

MAX_PROBLEMS_SHOWN = 10
# Compressed copies are read as if they were the published file (the SHA-256 is of those bytes).
OPENERS: dict[str, Callable[[Path], Any]] = {
    ".gz": gzip.GzipFile,
    ".xz": lzma.LZMAFile,
    ".bz2": bz2.BZ2File,
}


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column!r}, value {self.value!r}: {self.message}"


class FileRefused(ValueError):
    """The file was refused; nothing of it was loaded."""

    def __init__(self, problems: list[RowProblem], *, rows_read: int = 0, file: str = ""):
        self.problems = problems
        self.rows_read = rows_read
        shown = "; ".join(str(p) for p in problems[:MAX_PROBLEMS_SHOWN])
        more = (
            f" (and {len(problems) - MAX_PROBLEMS_SHOWN} more)"
            if len(problems) > MAX_PROBLEMS_SHOWN
            else ""
        )
        where = f"{file}: " if file else ""
        super().__init__(f"{where}{len(problems)} problem(s), nothing loaded: {shown}{more}")


@dataclass(frozen=True)
class Source:
    """A public-data source as /data/ describes it."""

    key: str
    title: str
    publisher: str
    licence: str
    credit: str
    home_url: str = ""


@dataclass
class LoadResult:
    """What one importer did; public_data_load writes it into the DataLoad record."""

    vintage: str = ""
    scope: str = ""
    rows_read: int = 0
    rows_added: int = 0
    rows_changed: int = 0
    rows_removed: int = 0
    details: dict[str, Any] = field(default_factory=dict)

    def add(self, other: "LoadResult", *, name: str) -> None:
        """Fold a part's counts (one file of a directory) into this result."""
        self.rows_read += other.rows_read
        self.rows_added += other.rows_added
        self.rows_changed += other.rows_changed
        self.rows_removed += other.rows_removed
        self.details[name] = {
            "read": other.rows_read,
            "added": other.rows_added,
            "changed": other.rows_changed,
            "removed": other.rows_removed,
        }


class Problems:
    """Collects row problems; raise_if_any() refuses the file with all of them."""

    def __init__(self, *, file: str = "") -> None:
        self.items: list[RowProblem] = []
        self.file = file

    def add(self, row: int, column: str, value: object, message: str) -> None:
        self.items.append(
            RowProblem(row, column, "" if value is None else str(value)[:80], message)
        )

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self, *, rows_read: int = 0) -> None:
        if self.items:
            raise FileRefused(self.items, rows_read=rows_read, file=self.file)


DATE_LIKE_RE = re.compile(
    r"^[A-Za-z]{3}-\d{2}$|^\d{1,2}-[A-Za-z]{3}$|^\d{4}-\d{2}-\d{2}|^\d{1,2}/\d{1,2}/\d{2,4}"
)


def code_problem(value: str, pattern: re.Pattern[str], want: str) -> str:
    """Why a value is not a code of the wanted form ('' when it is one)."""
    if pattern.match(value):
        return ""
    if DATE_LIKE_RE.match(value):
        return f"looks like a date a spreadsheet made of a code; want {want}"
    if value == "":
        return f"required: {want}"
    return f"not {want}"


# --- input: a path or a URL, plain or compressed ---------------------------------------------


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


@contextlib.contextmanager
def local_copy(location: str) -> Iterator[Path]:
    """A path for the location: the file itself, or a URL downloaded to a temporary file."""
    if not is_url(location):
        path = Path(location)
        if not path.exists():
            raise FileRefused([RowProblem(0, "", location, "no such file or directory")])
        yield path
        return
    suffix = "".join(Path(location.split("?", 1)[0]).suffixes[-2:])
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"download{suffix}"
        request = urllib.request.Request(location, headers={"User-Agent": "careerportal"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=120) as answer, target.open("wb") as out:  # noqa: S310
            shutil.copyfileobj(answer, out, 1 << 20)
        yield target


def open_binary(path: Path) -> IO[bytes]:
    """The file's published bytes, decompressing .gz, .xz and .bz2 copies as they are read."""
    opener = OPENERS.get(path.suffix.lower())
    if opener is not None:
        stream: IO[bytes] = opener(path)
        return stream
    return path.open("rb")


def published_name(path: Path) -> str:
    """The file name as published: 'Job Zones.txt' for a carried 'Job Zones.txt.xz'."""
    return path.stem if path.suffix.lower() in OPENERS else path.name


def sha256_of(path: Path) -> str:
    """SHA-256 of the published bytes; for a folder, of its files' names and hashes."""
    if path.is_dir():
        digest = hashlib.sha256()
        for child in sorted(p for p in path.iterdir() if p.is_file()):
            digest.update(f"{published_name(child)}\0{sha256_of(child)}\n".encode())
        return digest.hexdigest()
    digest = hashlib.sha256()
    with open_binary(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def delimited_rows(
    path: Path,
    *,
    delimiter: str,
    encoding: str = "utf-8",
    quoting: bool = True,
    file: str = "",
) -> Iterator[tuple[int, list[str]]]:
    """Yield (row number, cells) with the header as row 1; a bad byte names its row and column.

    A line is decoded on its own so that a wrong encoding is reported where it is found; the
    header's names are used for the column of a bad byte in a later row.
    """
    import csv

    header: list[str] = []
    line_no = 0

    def decoded() -> Iterator[str]:
        nonlocal line_no
        with open_binary(path) as handle:
            for raw in handle:
                line_no += 1
                if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    yield raw.decode(encoding)
                except UnicodeDecodeError as error:
                    cells = raw.split(delimiter.encode())
                    column = ""
                    for index, cell in enumerate(cells):
                        try:
                            cell.decode(encoding)
                        except UnicodeDecodeError:
                            column = header[index] if index < len(header) else f"#{index + 1}"
                            break
                    bad = raw[max(0, error.start - 10) : error.end + 10]
                    raise FileRefused(
                        [
                            RowProblem(
                                line_no,
                                column,
                                bad.decode(encoding, "replace"),
                                f"not {encoding.upper()} text (byte 0x{raw[error.start]:02x}); "
                                "save the file as the publisher released it",
                            )
                        ],
                        file=file,
                    ) from error

    reader = csv.reader(
        decoded(), delimiter=delimiter, quoting=csv.QUOTE_MINIMAL if quoting else csv.QUOTE_NONE
    )
    for row_no, cells in enumerate(reader, start=1):
        if row_no == 1:
            header = [c.strip() for c in cells]
        yield row_no, cells


def xlsx_rows(
    path: Path, *, sheet: str | None = None, file: str = "", missing_ok: bool = False
) -> Iterator[tuple[int, list[object]]]:
    """Yield (row number, values) of one sheet (the first by default), streamed (read-only)."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(open_binary(path), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise FileRefused(
            [RowProblem(0, "", published_name(path), f"not an Excel workbook (.xlsx): {error}")],
            file=file,
        ) from error
    try:
        if sheet is not None and sheet not in workbook.sheetnames and not missing_ok:
            raise FileRefused(
                [RowProblem(0, "", ", ".join(workbook.sheetnames[:6]), f"no sheet {sheet!r}")],
                file=file,
            )
        if sheet is not None and sheet not in workbook.sheetnames:
            return
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        workbook.close()


def workbook_title(path: Path, *, sheet: str) -> str:
    """The first cell of a sheet (BLS puts the release's name there), or '' without the sheet."""
    for _number, values in xlsx_rows(path, sheet=sheet, missing_ok=True):
        return str(values[0] or "") if values else ""
    return ""


def header_check(
    header: Sequence[str], expected: Sequence[str], *, file: str = "", exact: bool = True
) -> dict[str, int]:
    """Check the header row against the publisher's layout; return each column's position.

    Missing columns are all named. With exact=True the columns must also be in the published
    order (a reordered file is refused: its values would be read under the wrong names by any
    tool that trusts positions, so we take no chances with it).
    """
    names = [h.strip() for h in header]
    problems = Problems(file=file)
    missing = [name for name in expected if name not in names]
    if missing:
        problems.add(
            1,
            ", ".join(missing),
            ",".join(names[:8]),
            f"column(s) missing: {', '.join(missing)} (is this the right kind of file?)",
        )
    elif exact:
        positions = [names.index(name) for name in expected]
        for name, before, after in zip(expected[1:], positions, positions[1:], strict=False):
            if after < before:
                problems.add(
                    1,
                    name,
                    ",".join(names[:8]),
                    f"columns are out of the published order: {name!r} comes too early",
                )
                break
    problems.raise_if_any()
    return {name: names.index(name) for name in expected}


# --- writing: COPY into a staging table, then set-based merge --------------------------------


def _copy_text(value: object) -> str:
    if value is None:
        return "\\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_rows(
    *, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]], chunk: int = 20000
) -> int:
    """COPY rows into a table in chunks (memory stays flat); return how many were written."""
    written = 0
    buffer = io.StringIO()
    pending = 0
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor:
        for row in rows:
            buffer.write("\t".join(_copy_text(v) for v in row))
            buffer.write("\n")
            pending += 1
            if pending >= chunk:
                buffer.seek(0)
                cursor.copy_expert(sql, buffer)  # type: ignore[attr-defined]
                written += pending
                buffer, pending = io.StringIO(), 0
        if pending:
            buffer.seek(0)
            cursor.copy_expert(sql, buffer)  # type: ignore[attr-defined]
            written += pending
    return written


# Fields whose Python value psycopg2 sends as it is (Django's preparation would only check it).
_SENT_AS_IS = (models.BooleanField, models.IntegerField, models.FloatField, models.ForeignKey)


def _value_preparer(field: Any, database: Any) -> Callable[[Any], Any]:
    """How to read a field's value of an object for the database, the cheapest safe way."""
    if isinstance(field, _SENT_AS_IS) and not field.primary_key:
        return attrgetter(field.attname)
    if isinstance(field, (models.CharField, models.TextField)):
        attname = field.attname

        def text(obj: Any) -> Any:
            value = getattr(obj, attname)
            return value if value is None or isinstance(value, str) else str(value)

        return text
    # Everything else (dates, decimals, arrays, auto_now times) as Django prepares it.
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), database)


def objects_insert(
    objects: Sequence[Any],
    *,
    page_size: int = 2000,
    computed: Mapping[str, tuple[str, str]] | None = None,
) -> None:
    """INSERT unsaved model instances in pages and set their primary keys (one statement a page).

    bulk_create builds its SQL field by field in Python, which costs more than the insert itself
    for wide rows (about 2 s per 1,000 programs of 55 columns); psycopg2's execute_values takes
    the values already prepared for the database. `computed` fills a column with SQL from
    another field's value, {column: (SQL with one %s, field name)}, so it is written with the
    row rather than by an UPDATE of every row afterwards.
    """
    from psycopg2.extras import execute_values

    if not objects:
        return
    meta = objects[0]._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    computed = computed or {}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    template = "(" + ", ".join(computed.get(f.column, ("%s", ""))[0] for f in fields) + ")"
    # The value given for a computed column: the named field's, prepared as that field's.
    sources = [meta.get_field(computed[f.column][1]) if f.column in computed else f for f in fields]
    sql = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) VALUES %s "
        f"RETURNING {connection.ops.quote_name(meta.pk.column)}"
    )
    database = connections[connection.alias]  # not the per-thread proxy, read 60 times a row
    prepare = [_value_preparer(f, database) for f in sources]
    with connection.cursor() as cursor:
        for start in range(0, len(objects), page_size):
            page = objects[start : start + page_size]
            rows = [tuple(p(obj) for p in prepare) for obj in page]
            ids = execute_values(
                cursor.cursor, sql, rows, template=template, page_size=page_size, fetch=True
            )
            for obj, (pk,) in zip(page, ids, strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = connection.alias


def staging_create(*, target: str, columns: Sequence[str], name: str) -> str:
    """A temporary table with the target's column types, dropped at commit."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
        cursor.execute(
            f"CREATE TEMP TABLE {name} ON COMMIT DROP AS "
            f"SELECT {', '.join(columns)} FROM {target} WITH NO DATA"
        )
    return name


def staging_merge(
    *,
    staging: str,
    target: str,
    key: Sequence[str],
    columns: Sequence[str],
    scope: str = "",
    scope_params: Sequence[Any] = (),
    remove_missing: bool = True,
) -> tuple[int, int, int]:
    """Upsert the staging rows into the target; remove target rows (within scope) not staged.

    Rows whose values are all unchanged are not touched, so loading the same data twice counts
    0 added, 0 changed. Returns (added, changed, removed).
    """
    values = [c for c in columns if c not in key]
    cols = ", ".join(columns)
    if values:
        update = ", ".join(f"{c} = EXCLUDED.{c}" for c in values)
        differs = (
            f"({', '.join(f'{target}.{c}' for c in values)}) IS DISTINCT FROM "
            f"({', '.join(f'EXCLUDED.{c}' for c in values)})"
        )
        conflict = f"DO UPDATE SET {update} WHERE {differs}"
    else:
        conflict = "DO NOTHING"
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH merged AS (INSERT INTO {target} ({cols}) SELECT {cols} FROM {staging} "
            f"ON CONFLICT ({', '.join(key)}) {conflict} RETURNING (xmax = 0) AS inserted) "
            "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) "
            "FROM merged"
        )
        added, changed = cursor.fetchone()  # type: ignore[misc]
        removed = 0
        if remove_missing:
            matches = " AND ".join(f"s.{c} = t.{c}" for c in key)
            where = f"({scope}) AND " if scope else ""
            cursor.execute(
                f"DELETE FROM {target} t WHERE {where}"
                f"NOT EXISTS (SELECT 1 FROM {staging} s WHERE {matches})",
                list(scope_params),
            )
            removed = cursor.rowcount
    return int(added), int(changed), int(removed)


# --- the record of every load ----------------------------------------------------------------


def load_unchanged(*, source: Source, sha256: str) -> DataLoad | None:
    """The earlier load of these same bytes, if nothing of the same scope was loaded since."""
    earlier = (
        DataLoad.objects.filter(source=source.key, sha256=sha256, status=LoadStatus.LOADED)
        .order_by("-started_at")
        .first()
    )
    if earlier is None:
        return None
    newer = DataLoad.objects.filter(
        source=source.key,
        scope=earlier.scope,
        status=LoadStatus.LOADED,
        started_at__gt=earlier.started_at,
    ).exists()
    return None if newer else earlier


def public_data_load(
    *,
    source: Source,
    location: str,
    run: Callable[..., LoadResult],
    force: bool = False,
    extra_locations: Sequence[str] = (),
) -> tuple[DataLoad, bool]:
    """Load one file (or O*NET folder) through `run`, recorded; return (record, was_loaded).

    Unchanged bytes are skipped (was_loaded False, the earlier record returned). A refused or
    failed load is recorded with its message and the error is raised again.
    """
    with contextlib.ExitStack() as stack:
        path = stack.enter_context(local_copy(location))
        extras = [stack.enter_context(local_copy(extra)) for extra in extra_locations]
        digest = sha256_of(path)
        if extras:
            # Files loaded together (projections' two tables) are one load: hash them together.
            joined = "\n".join([digest, *(sha256_of(extra) for extra in extras)])
            digest = hashlib.sha256(joined.encode()).hexdigest()
        if not force and (earlier := load_unchanged(source=source, sha256=digest)) is not None:
            return earlier, False
        record = DataLoad.objects.create(
            source=source.key,
            title=source.title,
            publisher=source.publisher,
            licence=source.licence,
            credit=source.credit,
            home_url=source.home_url,
            location=" ".join([location, *extra_locations])[:1000],
            file_name=published_name(path) if not is_url(location) else location.rsplit("/")[-1],
            sha256=digest,
            status=LoadStatus.RUNNING,
        )
        try:
            with transaction.atomic():
                result = run(path, *extras)
        except FileRefused as error:
            _finish(record, LoadStatus.REFUSED, message=str(error), refused=len(error.problems))
            record.rows_read = error.rows_read
            record.save(update_fields=["rows_read"])
            raise
        except Exception as error:
            _finish(record, LoadStatus.FAILED, message=f"{type(error).__name__}: {error}")
            raise
        record.vintage = result.vintage[:60]
        record.scope = result.scope[:60]
        record.rows_read = result.rows_read
        record.rows_added = result.rows_added
        record.rows_changed = result.rows_changed
        record.rows_removed = result.rows_removed
        record.details = result.details
        _finish(record, LoadStatus.LOADED)
        return record, True


def _finish(record: DataLoad, status: str, *, message: str = "", refused: int = 0) -> None:
    record.status = status
    record.message = message[:4000]
    record.rows_refused = refused
    record.finished_at = timezone.now()
    record.save()
