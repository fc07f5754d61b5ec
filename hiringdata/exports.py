"""CSV and XLSX files we hand back: problem lists and blank templates."""

import io

from careerportal.csv_download import csv_bytes

from .ingest import COLUMNS
from .models import SubmissionShape

TEMPLATE_EXAMPLES: dict[str, list[list[str]]] = {
    SubmissionShape.RECORDS: [
        ["A-1001", "2025-03-14", "15-1212", "professionals", "hispanic_latino", "female",
         "associate", "industry_certification", "comptia-security-plus"],
        ["A-1002", "2025-06-02", "15-1232", "technicians", "black_african_american", "male",
         "high_school", "apprenticeship", ""],
    ],
    SubmissionShape.COUNTS: [
        ["15-1212", "professionals", "hispanic_latino", "female", "associate",
         "industry_certification", "4"],
        ["15-1232", "technicians", "not_disclosed", "not_disclosed", "high_school",
         "apprenticeship", "12"],
    ],
}  # fmt: skip


def template_csv(shape: str) -> bytes:
    return csv_bytes(COLUMNS[shape], TEMPLATE_EXAMPLES[shape])


def template_xlsx(shape: str) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("hires")
    sheet.append(COLUMNS[shape])
    for row in TEMPLATE_EXAMPLES[shape]:
        # Text cells only: a number-looking hire id or SOC code must not become a number.
        sheet.append([int(v) if shape == SubmissionShape.COUNTS and i == 6 else v
                      for i, v in enumerate(row)])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
