"""Read a publisher's CSV whole and strictly: decoding, header, row shape, with each problem
named by spreadsheet row (header = row 1), column and value, so a bad file loads nothing."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from pathways.publicdata.importing import FileRefused, RowProblem, open_binary

# A file larger than this is not one of the lists these importers read.
MAX_BYTES = 200 * 1024 * 1024
Problem = RowProblem


def file_bytes(path: Path) -> bytes:
    """The published bytes of a local file (.xz/.bz2/.gz copies unpacked), size-checked."""
    with open_binary(path) as handle:
        try:
            raw = handle.read(MAX_BYTES + 1)
        except (OSError, EOFError, ValueError) as error:
            raise FileRefused([Problem(0, "", path.name, f"not readable ({error})")]) from None
    if len(raw) > MAX_BYTES:
        raise FileRefused([Problem(0, "", path.name, "file is too large for this list")])
    return raw


# Windows-1252 characters that some exports carry as C1 control codes inside UTF-8 (Scorecard's
# "Bachelor\x92s Degree"): read them as the cp1252 characters they stand for.
_C1_TO_CP1252 = {cp: bytes([cp]).decode("cp1252", "replace") for cp in range(0x80, 0xA0)}


def text_decode(raw: bytes, *, allow_cp1252: bool) -> str:
    """Decode UTF-8 (BOM allowed), or Windows-1252 where the publisher uses it; else refuse."""
    if b"\x00" in raw[:4096]:
        raise FileRefused([Problem(1, "", "", "wrong encoding: the file looks like UTF-16")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if not allow_cp1252:
            row = raw[: error.start].count(b"\n") + 1
            raise FileRefused(
                [Problem(row, "", "", f"wrong encoding: not UTF-8 (byte {error.start})")]
            ) from None
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as error2:
            row = raw[: error2.start].count(b"\n") + 1
            raise FileRefused(
                [Problem(row, "", "", "wrong encoding: neither UTF-8 nor Windows-1252")]
            ) from None
        return text.lstrip("\ufeff")
    return text.translate(_C1_TO_CP1252)


def rows_read(
    text: str, *, required: tuple[str, ...], kind: str
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Check the header names every required column; yield (row number, row) with each row's
    field count checked (a truncated or shifted row is a problem, not a guess)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise FileRefused([Problem(1, "", "", f"empty file: expected {kind}")]) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise FileRefused(
            [
                Problem(
                    1,
                    ", ".join(missing[:8]),
                    "",
                    f"not {kind}: the header lacks these columns",
                )
            ]
        )
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise FileRefused([Problem(1, ", ".join(dupes), "", "column named twice in the header")])

    def generate() -> Iterator[tuple[int, dict[str, str]]]:
        # Spreadsheet rows: a value spanning lines is still one row.
        row_number = 1
        try:
            for values in reader:
                row_number += 1
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    raise FileRefused(
                        [
                            Problem(
                                row_number,
                                "",
                                "",
                                f"{len(values)} fields where the header has {len(header)} "
                                "(truncated or shifted row)",
                            )
                        ]
                    )
                yield row_number, dict(zip(header, values, strict=True))
        except csv.Error as error:
            raise FileRefused(
                [Problem(row_number + 1, "", "", f"not readable as CSV ({error})")]
            ) from None

    return header, generate()


def strip_quotes(value: str) -> str:
    """The ETPL export wraps some values in a second pair of quotes; drop them."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].strip()
    return value
