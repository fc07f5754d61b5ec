"""The one CSV writer for every CSV the portal serves, safe to open in a spreadsheet.

UTF-8 with a byte-order mark (so Excel reads accents), and no cell that a spreadsheet would run
as a formula (CSV injection): text starting with = + - @ tab or CR, also after leading spaces,
and their full-width forms, gets a leading apostrophe so it stays text.
"""

import csv
import io
from collections.abc import Iterable
from typing import TextIO

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
MEDIA_TYPE = "text/csv"
CONTENT_TYPE = f"{MEDIA_TYPE}; charset=utf-8"
BOM = "\ufeff"


def cell_neutralise(value: object) -> str:
    """A cell's text; text that a spreadsheet would read as a formula stays text.

    Numbers are ours, not typed by anyone, and keep their sign.
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text


def cell_restore(text: str) -> str:
    """The text cell_neutralise was given, for a file we wrote coming back to us (a translation
    sheet filled in): the quote it put before a formula-like text is dropped."""
    return (
        text[1:]
        if text.startswith("'") and text[1:].lstrip(" ").startswith(FORMULA_START)
        else text
    )


def csv_write(
    stream: TextIO,
    header: Iterable[object],
    rows: Iterable[Iterable[object]],
    *,
    bom: bool = True,
) -> int:
    """Write the CSV to stream, every cell neutralised; return the number of rows written.

    bom=False for machine-read files (the bulk open-data downloads, hashed and parsed by code).
    """
    if bom:
        stream.write(BOM)
    writer = csv.writer(stream)
    writer.writerow([cell_neutralise(cell) for cell in header])
    count = 0
    for row in rows:
        writer.writerow([cell_neutralise(cell) for cell in row])
        count += 1
    return count


def csv_text(header: Iterable[object], rows: Iterable[Iterable[object]]) -> str:
    """The whole file as text, every cell neutralised (BOM first)."""
    buffer = io.StringIO()
    csv_write(buffer, header, rows)
    return buffer.getvalue()


def csv_bytes(header: Iterable[object], rows: Iterable[Iterable[object]]) -> bytes:
    return csv_text(header, rows).encode("utf-8")


def csv_response(
    *, filename: str, header: Iterable[object], rows: Iterable[Iterable[object]]
) -> HttpResponse:
    """A download of the CSV, named filename."""
    response = HttpResponse(csv_bytes(header, rows), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
