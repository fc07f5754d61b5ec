"""What each validation problem says, in words an HR person understands, in any language."""

import re
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

# code -> message; %(name)s placeholders come from ValidationIssue.params.
MESSAGES: dict[str, Any] = {
    # The file as a whole.
    "too_large": _(
        "The file is too big (%(size_mb)s MB). The most we take is %(max_mb)s MB. "
        "Send counts per group instead of one row per hire."
    ),
    "too_many_rows": _(
        "The file has more than %(max_rows)s rows, the most we take. "
        "Send counts per group instead of one row per hire."
    ),
    "storage_full": _(
        "We could not keep your file: our file storage is full. Nothing was saved. "
        "Please try again later; we have been told."
    ),
    "file_type": _(
        "We take only CSV files (.csv) and Excel files (.xlsx). Save the file as one of these."
    ),
    "utf16": _("The file is saved as UTF-16 text. Save it again as “CSV UTF-8 (comma delimited)”."),
    "not_utf8": _(
        "The file is not saved as UTF-8 text (the first unreadable character is in row %(row)s). "
        "In Excel, choose “Save as” and then “CSV UTF-8 (comma delimited)”."
    ),
    "unreadable_csv": _(
        "We could not read this file as CSV near row %(row)s. Save it again from your spreadsheet "
        "program as “CSV UTF-8 (comma delimited)”."
    ),
    "bad_xlsx": _(
        "We could not open this Excel file. Open it in Excel, save it again as .xlsx, "
        "and upload it."
    ),
    "xlsx_too_large": _(
        "This Excel file would take %(size_mb)s MB once opened; the most we take is %(max_mb)s MB. "
        "Save it as CSV UTF-8 instead."
    ),
    "too_many_columns": _(
        "The first row has %(found)s columns; the most we take is %(max_columns)s. Delete the "
        "columns you do not need and upload the file again."
    ),
    "empty_file": _("The file is empty. The first row must name the columns."),
    "no_rows": _("The file has a header row but no hires below it."),
    # The header row.
    "personal_data_column": _(
        "We never take personal information such as names, emails, Social Security numbers, "
        "birth dates, addresses or phone numbers. Delete the column “%(column)s” and upload "
        "the file again. We did not read any rows."
    ),
    "personal_data_values": _(
        "Column %(column)s has no name in the first row, and it holds e-mail addresses. We never "
        "take personal information. Delete the column and upload the file again. We stored "
        "nothing."
    ),
    "unknown_shape": _(
        "We cannot tell what kind of file this is. A file with one row per hire needs the "
        "columns hire_id and hire_date; a file of counts needs the column hires."
    ),
    "mixed_shape": _(
        "The file has both hire_id and hires columns. Use one row per hire (hire_id, no hires) "
        "or counts per group (hires, no hire_id), not both."
    ),
    "missing_column": _("The column “%(column)s” is missing. Add it to the first row."),
    "unknown_column": _(
        "We do not know the column “%(column)s”. Delete it or check its spelling against the "
        "data dictionary."
    ),
    "duplicate_column": _("The column “%(column)s” appears more than once in the first row."),
    # One cell.
    "ragged_row": _(
        "This row has %(found)s cells but the first row names %(expected)s columns. "
        "Check for extra commas."
    ),
    "required": _("This cell is empty. Fill it in."),
    "nul_byte": _(
        "This cell holds a NUL character (shown as ␀), which is not text. Delete it, save the "
        "file again and upload it."
    ),
    "not_in_list": _(
        "“%(value)s” is not an allowed answer for %(column)s. Use one of: %(allowed)s."
    ),
    "bad_date": _("Write the date as year-month-day, for example %(year)s-03-14."),
    "date_outside_year": _("This date is not in %(year)s, the year this report is for."),
    "bad_soc_form": _(
        "Write the job code (SOC 2018) as two digits, a dash and four digits, like 15-1212."
    ),
    "unknown_soc": _(
        "We do not know the job code %(value)s. Use a SOC 2018 code from our list of tech "
        "occupations, like 15-1212."
    ),
    "duplicate_hire_id": _(
        "This hire_id is already used in row %(first_row)s. Each hire needs its own id."
    ),
    "unknown_credential": _(
        "We cannot find the credential “%(value)s” in our catalog. Use its short name (slug) "
        "or CTDL id from the credential's page, or leave the cell empty."
    ),
    "bad_hires": _("Write the number of hires as a whole number, 0 or more, like 12."),
    "too_many_hires": _(
        "By this row the hires add up to more than %(max)s, more than a report can hold. Check "
        "the hires column for numbers that ran together."
    ),
    "duplicate_group": _(
        "This group (same job code, job category, race, sex, education and training) is "
        "already in row %(first_row)s. Put each group on one row only."
    ),
}

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def issue_message(code: str, params: dict[str, Any] | None) -> str:
    """Render a problem's message in the active language."""
    template = MESSAGES.get(code)
    if template is None:
        return ""
    values = {name: "" for name in PLACEHOLDER.findall(str(template))}
    values.update({key: value for key, value in (params or {}).items()})
    return str(template) % values


def sql_message_case(code_sql: str, params_sql: str) -> tuple[str, list[str]]:
    """A SQL CASE that renders every English message with format() from a jsonb params column."""
    parts: list[str] = []
    args: list[str] = []
    with translation.override("en"):
        for code, template in MESSAGES.items():
            names: list[str] = []
            pieces = PLACEHOLDER.split(str(template))
            # split() alternates literal text and placeholder names; escape % in the literals.
            rendered = "".join(
                piece.replace("%", "%%") if index % 2 == 0 else _position(piece, names)
                for index, piece in enumerate(pieces)
            )
            arguments = "".join(f", coalesce({params_sql}->>%s, '')" for _name in names)
            parts.append(f"WHEN %s THEN format(%s{arguments})")
            args.extend([code, rendered, *names])
    return f"CASE {code_sql} " + " ".join(parts) + " ELSE '' END", args


def _position(name: str, names: list[str]) -> str:
    if name not in names:
        names.append(name)
    return f"%{names.index(name) + 1}$s"
