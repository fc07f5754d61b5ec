"""Files that once broke the import: each is now a refusal that names its row and column."""

import pytest

from hiringdata.models import HiringCount, SubmissionStatus

from .conftest import COUNTS_HEADER, GOOD_ROWS, RECORDS_HEADER, counts, records
from .helpers import problems, upload

pytestmark = pytest.mark.django_db

COUNT_ROW = "15-1212,professionals,white,female,bachelor,four_year_degree,{}"


def test_nul_byte_in_a_value_is_a_row_problem(member, catalog):
    bad = GOOD_ROWS[1].replace("female", "fem\x00ale")
    submission = upload(member, records(GOOD_ROWS[0], bad))
    assert submission.status == SubmissionStatus.REJECTED
    assert problems(submission) == [(3, "sex", "fem\u2400ale", "nul_byte")]


def test_more_columns_than_the_database_holds_is_refused_not_retried(member, catalog):
    header = COUNTS_HEADER.strip() + "," + ",".join(f"x{i}" for i in range(1700))
    submission = upload(member, (header + "\n" + COUNT_ROW.format(1) + "\n").encode())
    assert submission.status == SubmissionStatus.REJECTED
    assert problems(submission) == [(1, "", "", "too_many_columns")]
    assert "1707" in submission.issues.get().text


def test_many_empty_trailing_columns_still_too_many(member, catalog):
    header = COUNTS_HEADER.strip() + "," * 1700
    submission = upload(member, (header + "\n" + COUNT_ROW.format(1) + "\n").encode())
    assert [p[3] for p in problems(submission)] == ["too_many_columns"]


def test_hires_adding_up_past_what_a_submission_holds_name_the_row(member, catalog):
    rows = [
        COUNT_ROW.format(999_999_999),
        COUNT_ROW.format(999_999_999).replace("white", "asian"),
        COUNT_ROW.format(999_999_999).replace("white", "hispanic_latino"),
    ]
    submission = upload(member, counts(*rows))
    assert submission.status == SubmissionStatus.REJECTED
    assert problems(submission) == [(4, "hires", "999999999", "too_many_hires")]
    assert not HiringCount.objects.exists()


def test_hires_up_to_the_limit_are_accepted(member, catalog, settings):
    settings.HIRINGDATA_MAX_TOTAL_HIRES = 20
    submission = upload(
        member, counts(COUNT_ROW.format(12), COUNT_ROW.format(8).replace("white", "asian"))
    )
    assert submission.status == SubmissionStatus.ACCEPTED
    assert submission.hires_total == 20


def test_unnamed_column_holding_email_addresses_is_refused(member, catalog):
    data = (RECORDS_HEADER.strip() + ",\n").encode() + b"".join(
        (row + "," + email + "\n").encode()
        for row, email in zip(GOOD_ROWS, ["", "pat@example.org", "lee@example.com"], strict=True)
    )
    submission = upload(member, data)
    assert submission.status == SubmissionStatus.REJECTED
    # Column J (the tenth) has no name; its first e-mail address is in row 3.
    assert problems(submission) == [(3, "J", "", "personal_data_values")]
    assert not HiringCount.objects.exists()


def test_unnamed_column_with_email_is_refused_on_the_careful_path_too(member, catalog):
    # A short row sends the file down the Python path instead of the raw COPY.
    data = (RECORDS_HEADER.strip() + ",\n").encode() + (
        GOOD_ROWS[0] + ",pat@example.org\n" + GOOD_ROWS[1] + "\n"
    ).encode()
    submission = upload(member, data)
    assert ("J", "personal_data_values") in [(p[1], p[3]) for p in problems(submission)]


def test_unnamed_column_of_notes_is_still_ignored(member, catalog):
    data = (RECORDS_HEADER.strip() + ",\n").encode() + b"".join(
        (row + ",checked\n").encode() for row in GOOD_ROWS
    )
    assert upload(member, data).status == SubmissionStatus.ACCEPTED


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_named(member, catalog, codec):
    submission = upload(member, records(*GOOD_ROWS).decode().encode(codec))
    assert problems(submission) == [(None, "", "", "utf16")]
