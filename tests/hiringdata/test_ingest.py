"""Each validation rule with a failing file, and what an accepted file stores."""

import pytest

from hiringdata.models import HiringCount, HiringCredentialCount, SubmissionStatus

from .conftest import COUNTS_HEADER, GOOD_ROWS, counts, records
from .helpers import problems, upload

pytestmark = pytest.mark.django_db


def test_good_records_file_is_aggregated_into_cells(member, catalog):
    submission = upload(member, records(*GOOD_ROWS))
    assert submission.status == SubmissionStatus.ACCEPTED
    assert submission.shape == "records"
    assert (submission.rows_total, submission.hires_total, submission.cells_total) == (3, 3, 2)
    cell = HiringCount.objects.get(submission=submission, soc_code="15-1212")
    assert cell.hires == 2
    other = HiringCount.objects.get(submission=submission, soc_code="15-1232")
    # Values are matched ignoring case and surrounding spaces, and stored in canonical form.
    assert (other.job_category, other.race_ethnicity, other.sex) == ("technicians", "asian", "male")
    # The credential held is counted apart, by training pathway: the slug and the CTDL id name
    # the same credential (one cell of two hires); the hire without one counts as none.
    held = HiringCredentialCount.objects.filter(submission=submission)
    assert sorted(held.values_list("training_pathway", "credential_id", "hires")) == [
        ("bootcamp", None, 1),
        ("four_year_degree", catalog.pk, 2),
    ]


def test_good_counts_file_sums_hires(member, catalog):
    submission = upload(
        member,
        counts(
            "15-1212,professionals,white,female,bachelor,four_year_degree,12",
            "15-1212,technicians,white,female,bachelor,four_year_degree,0",
        ),
    )
    assert submission.status == SubmissionStatus.ACCEPTED
    assert submission.shape == "counts"
    assert (submission.hires_total, submission.cells_total) == (12, 2)


@pytest.mark.parametrize(
    "row,expected",
    [
        (
            ",2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,",
            (2, "hire_id", "", "required"),
        ),
        (
            "h1,2025-01-15,15-1212,,white,female,bachelor,four_year_degree,",
            (2, "job_category", "", "required"),
        ),
        (
            "h1,2025-01-15,,professionals,white,female,bachelor,four_year_degree,",
            (2, "soc_code", "", "required"),
        ),
        (
            "h1,,15-1212,professionals,white,female,bachelor,four_year_degree,",
            (2, "hire_date", "", "required"),
        ),
        (
            "h1,2025-01-15,15-1212,wizards,white,female,bachelor,four_year_degree,",
            (2, "job_category", "wizards", "not_in_list"),
        ),
        (
            "h1,2025-01-15,15-1212,professionals,purple,female,bachelor,four_year_degree,",
            (2, "race_ethnicity", "purple", "not_in_list"),
        ),
        (
            "h1,2025-01-15,15-1212,professionals,white,f,bachelor,four_year_degree,",
            (2, "sex", "f", "not_in_list"),
        ),
        (
            "h1,2025-01-15,15-1212,professionals,white,female,phd,four_year_degree,",
            (2, "education", "phd", "not_in_list"),
        ),
        (
            "h1,2025-01-15,15-1212,professionals,white,female,bachelor,youtube,",
            (2, "training_pathway", "youtube", "not_in_list"),
        ),
        (
            "h1,01/15/2025,15-1212,professionals,white,female,bachelor,four_year_degree,",
            (2, "hire_date", "01/15/2025", "bad_date"),
        ),
        (
            "h1,2025-02-30,15-1212,professionals,white,female,bachelor,four_year_degree,",
            (2, "hire_date", "2025-02-30", "bad_date"),
        ),
        (
            "h1,2024-12-31,15-1212,professionals,white,female,bachelor,four_year_degree,",
            (2, "hire_date", "2024-12-31", "date_outside_year"),
        ),
        (
            "h1,2025-01-15,151212,professionals,white,female,bachelor,four_year_degree,",
            (2, "soc_code", "151212", "bad_soc_form"),
        ),
        (
            "h1,2025-01-15,99-9999,professionals,white,female,bachelor,four_year_degree,",
            (2, "soc_code", "99-9999", "unknown_soc"),
        ),
        (
            "h1,2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,no-such",
            (2, "credential", "no-such", "unknown_credential"),
        ),
        ("h1,2025-01-15,15-1212,professionals,white", (2, "", "", "ragged_row")),
    ],
)
def test_each_records_rule_refuses_the_file(member, catalog, row, expected):
    submission = upload(member, records(row))
    assert submission.status == SubmissionStatus.REJECTED
    assert expected in problems(submission)
    assert not HiringCount.objects.filter(submission=submission).exists()


def test_duplicate_hire_id_names_the_first_row(member, catalog):
    submission = upload(member, records(GOOD_ROWS[0], GOOD_ROWS[2], GOOD_ROWS[0]))
    assert problems(submission) == [(4, "hire_id", "h1", "duplicate_hire_id")]
    assert submission.issues.get().params == {"first_row": 2}
    assert "row 2" in submission.issues.get().text


@pytest.mark.parametrize(
    "value,code",
    [("-3", "bad_hires"), ("2.5", "bad_hires"), ("many", "bad_hires"), ("", "required")],
)
def test_hires_must_be_a_whole_number(member, catalog, value, code):
    submission = upload(
        member, counts(f"15-1212,professionals,white,female,bachelor,four_year_degree,{value}")
    )
    assert problems(submission) == [(2, "hires", value, code)]


def test_duplicate_group_in_counts_file(member, catalog):
    submission = upload(
        member,
        counts(
            "15-1212,professionals,white,female,bachelor,four_year_degree,3",
            "15-1212,Professionals, White ,female,bachelor,four_year_degree,4",
        ),
    )
    assert problems(submission) == [(3, "", "", "duplicate_group")]


def test_every_problem_is_collected_with_spreadsheet_row_numbers(member, catalog):
    submission = upload(
        member,
        records(
            GOOD_ROWS[0],
            "h2,2025-13-01,15-1212,boss,white,female,bachelor,four_year_degree,",
            GOOD_ROWS[2],
            "h4,2025-01-01,15-1212,professionals,white,robot,bachelor,four_year_degree,x",
        ),
    )
    assert problems(submission) == [
        (3, "hire_date", "2025-13-01", "bad_date"),
        (3, "job_category", "boss", "not_in_list"),
        (5, "credential", "x", "unknown_credential"),
        (5, "sex", "robot", "not_in_list"),
    ]
    assert submission.issues_total == 4
    assert submission.rows_total == 4


@pytest.mark.parametrize(
    "column", ["Employee Name", "email", "SSN", "date_of_birth", "Home Address", "phone_number"]
)
def test_personal_data_column_is_refused_before_rows_are_read(member, catalog, column):
    header = COUNTS_HEADER.strip() + f",{column}\n"
    # The row is broken too, but rows are never read once a personal-data column is seen.
    submission = upload(member, (header + "bad,row\n").encode())
    assert problems(submission) == [(1, column, column, "personal_data_column")]
    assert submission.rows_total == 0


def test_missing_and_unknown_columns(member, catalog):
    data = b"hire_id,hire_date,soc_code,sex,favourite_colour\nh1,2025-01-01,15-1212,female,red\n"
    submission = upload(member, data)
    codes = {(row, column, code) for row, column, _value, code in problems(submission)}
    assert (1, "favourite_colour", "unknown_column") in codes
    assert {
        (1, c, "missing_column")
        for c in ["job_category", "race_ethnicity", "education", "training_pathway"]
    } <= codes
    assert (1, "credential", "missing_column") not in codes  # optional


def test_unknown_shape(member, catalog):
    submission = upload(member, b"soc_code,total\n15-1212,3\n")
    assert problems(submission) == [(1, "", "", "unknown_shape")]


def test_empty_file_and_header_only(member, catalog):
    assert problems(upload(member, b"")) == [(1, "", "", "empty_file")]
    assert problems(upload(member, COUNTS_HEADER.encode())) == [(2, "", "", "no_rows")]


def test_utf8_with_bom_is_read(member, catalog):
    submission = upload(member, b"\xef\xbb\xbf" + records(*GOOD_ROWS))
    assert submission.status == SubmissionStatus.ACCEPTED


def test_windows_1252_file_gets_a_clear_error_with_its_row(member, catalog):
    data = records(
        GOOD_ROWS[0]
    ) + "h9,2025-01-01,15-1212,professionals,white,female,bachelor,other,Señor\n".encode("cp1252")
    submission = upload(member, data)
    assert problems(submission) == [(3, "", "", "not_utf8")]
    assert "UTF-8" in submission.issues.get().text


def test_utf16_file_gets_a_clear_error(member, catalog):
    submission = upload(member, records(*GOOD_ROWS).decode().encode("utf-16"))
    assert problems(submission) == [(None, "", "", "utf16")]


def test_blank_lines_are_skipped_but_rows_keep_spreadsheet_numbers(member, catalog):
    data = records(
        GOOD_ROWS[0], "", ",,,,,,,,", "h2,2025-01-01,15-1212,nope,white,female,bachelor,other,"
    )
    submission = upload(member, data)
    assert problems(submission) == [(5, "job_category", "nope", "not_in_list")]


def test_too_many_rows(member, catalog, settings):
    settings.HIRINGDATA_MAX_ROWS = 2
    submission = upload(member, records(*GOOD_ROWS))
    assert [p[3] for p in problems(submission)] == ["too_many_rows"]


def test_stored_problems_are_capped_but_counted(member, catalog, settings):
    settings.HIRINGDATA_MAX_STORED_ISSUES = 3
    rows = [f"h{i},2025-01-01,15-1212,nope,white,female,bachelor,other," for i in range(10)]
    submission = upload(member, records(*rows))
    assert submission.issues_total == 10
    assert submission.issues.count() == 3


def test_messages_are_translated(member, catalog):
    from django.utils import translation

    submission = upload(
        member, records("h1,2025-01-15,15-1212,professionals,white,f,bachelor,other,")
    )
    issue = submission.issues.get()
    assert "not an allowed answer" in issue.message  # stored in English
    with translation.override("es"):
        assert "no es una respuesta" in issue.text


def test_hire_ids_that_differ_only_by_spaces_are_duplicates(member, catalog):
    padded = GOOD_ROWS[0].replace("h1,", "  h1 ,", 1)
    submission = upload(member, records(GOOD_ROWS[0], padded))
    assert problems(submission) == [(3, "hire_id", "  h1 ", "duplicate_hire_id")]


def test_quoted_cells_with_commas_and_line_breaks_keep_row_numbers(member, catalog):
    data = records(
        '"h1",2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,""',
        '"h2\nsecond line",2025-01-15,15-1212,nope,white,female,bachelor,four_year_degree,',
        "h3,2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,x",
    )
    submission = upload(member, data)
    assert [(row, column) for row, column, _v, _c in problems(submission)] == [
        (3, "job_category"),
        (4, "credential"),
    ]


def test_values_typed_differently_make_one_cell_on_the_fast_path(member, catalog):
    # Clean hire ids and dates (the fast path), values in other cases and with spaces.
    submission = upload(
        member,
        records(
            "h1,2025-01-15,15-1212,professionals,white,female,bachelor,bootcamp,CE-SEC-PLUS",
            "h2,2025-01-16, 15-1212 ,Professionals,WHITE,Female, bachelor ,Bootcamp,",
        ),
    )
    assert submission.status == SubmissionStatus.ACCEPTED
    cell = HiringCount.objects.get(submission=submission)
    assert (cell.soc_code, cell.job_category, cell.training_pathway, cell.hires) == (
        "15-1212",
        "professionals",
        "bootcamp",
        2,
    )
    held = HiringCredentialCount.objects.filter(submission=submission)
    assert set(held.values_list("training_pathway", "credential_id", "hires")) == {
        ("bootcamp", None, 1),
        ("bootcamp", catalog.pk, 1),
    }
