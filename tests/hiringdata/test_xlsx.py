"""Excel files: streamed into the same staging path; zip bombs and entity expansion refused."""

import io
import zipfile
from datetime import date

import openpyxl
import pytest

from hiringdata.models import HiringCredentialCount, SubmissionStatus

from .conftest import COUNTS_HEADER, RECORDS_HEADER
from .helpers import problems, upload

pytestmark = pytest.mark.django_db


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_records_with_real_dates_and_numbers_are_accepted(member, catalog):
    header = RECORDS_HEADER.strip().split(",")
    data = xlsx(
        [
            header,
            [1001, date(2025, 4, 1), "15-1212", "professionals", "white", "female", "bachelor",
             "bootcamp", "CE-SEC-PLUS"],
            [1002, date(2025, 5, 1), "15-1212", "professionals", "white", "female", "bachelor",
             "bootcamp"],  # trailing empty cell left out, as Excel does
        ]
    )  # fmt: skip
    submission = upload(member, data, filename="hires.xlsx")
    assert submission.status == SubmissionStatus.ACCEPTED, problems(submission)
    # One six-dimension cell; the credential held (by CTDL id, any case) is counted apart.
    assert (submission.hires_total, submission.cells_total) == (2, 1)
    held = HiringCredentialCount.objects.filter(submission=submission)
    assert sorted(held.values_list("credential_id", "hires"), key=str) == [
        (catalog.pk, 1),
        (None, 1),
    ]


def test_xlsx_problems_have_spreadsheet_row_numbers(member, catalog):
    data = xlsx(
        [
            COUNTS_HEADER.strip().split(","),
            ["15-1212", "professionals", "white", "female", "bachelor", "bootcamp", 3],
            ["15-1212", "technicians", "white", "female", "bachelor", "bootcamp", 2.5],
        ]
    )
    submission = upload(member, data, filename="counts.xlsx")
    assert problems(submission) == [(3, "hires", "2.5", "bad_hires")]


def test_zip_bomb_is_refused_before_it_is_opened(member, catalog):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(310):  # 310 MB of nothing, a few hundred KB compressed
            entry.write(block)
    data = buffer.getvalue()
    assert len(data) < 1_000_000
    submission = upload(member, data, filename="bomb.xlsx")
    assert submission.status == SubmissionStatus.REJECTED
    assert [p[3] for p in problems(submission)] == ["xlsx_too_large"]


def test_xml_entity_expansion_is_refused(member, catalog):
    good = xlsx([COUNTS_HEADER.strip().split(",")])
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            body = laughs if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            archive.writestr(info.filename, body)
    submission = upload(member, buffer.getvalue(), filename="laughs.xlsx")
    assert [p[3] for p in problems(submission)] == ["bad_xlsx"]


def test_not_really_an_xlsx(member, catalog):
    submission = upload(member, b"hello", filename="fake.xlsx")
    assert [p[3] for p in problems(submission)] == ["bad_xlsx"]
