"""Read a publisher's CSV whole and strictly: decoding, header, row shape, with each problem
named by spreadsheet row (header = row 1), column and value, so a bad file loads nothing."""

import bz2
import csv
import io
import re
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# A file larger than this is not one of the lists these importers read.
MAX_BYTES = 200 * 1024 * 1024
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        value = f" (value {self.value!r})" if self.value else ""
        return f"{where}{value}: {self.message}"


class FileRefused(ValueError):
    """The file was refused whole; .problems says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems[:MAX_PROBLEMS]
        more = len(problems) - len(self.problems)
        lines = [str(p) for p in self.problems] + ([f"... and {more} more"] if more > 0 else [])
        super().__init__("File refused, nothing loaded:\n" + "\n".join(lines))


def source_read(source: str) -> tuple[bytes, str]:
    """Return the raw bytes of a path or http(s) URL (bz2 unpacked) and its file name."""
    if re.match(r"^https?://", source):
        with urllib.request.urlopen(source, timeout=120) as response:  # noqa: S310
            raw = response.read(MAX_BYTES + 1)
        name = source.rsplit("/", 1)[-1]
    else:
        path = Path(source)
        if not path.is_file():
            raise FileRefused([Problem(0, "", source, "no such file")])
        raw = path.read_bytes()
        name = path.name
    if raw[:3] == b"BZh":
        try:
            raw = bz2.decompress(raw)
        except (OSError, ValueError) as error:
            raise FileRefused(
                [Problem(0, "", name, f"not a readable bz2 file ({error})")]
            ) from None
    if len(raw) > MAX_BYTES:
        raise FileRefused([Problem(0, "", name, "file is too large for this list")])
    return raw, name


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
