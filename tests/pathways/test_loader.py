"""load_occupations: whole files validated first, all or nothing, errors name row and column."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from pathways.models import Occupation

ROOT = Path(__file__).resolve().parents[2]
CSV = ROOT / "data" / "tech_occupations.csv"

pytestmark = pytest.mark.django_db


def test_loads_all_sixteen_with_sources_and_vintages():
    call_command("load_occupations", str(CSV))
    assert Occupation.objects.count() == 16
    analyst = Occupation.objects.get(soc_code="15-1212")
    assert analyst.median_annual_wage == 124910
    assert analyst.wage_vintage == "May 2024"
    assert analyst.wage_source_url.startswith("https://www.bls.gov/")
    assert analyst.wage_confidence == "verified"
    assert analyst.onet_confidence == "secondary"
    assert analyst.onet_vintage == "O*NET 29.3"
    assert analyst.field == "cybersecurity"
    assert analyst.entry_education == "bachelor"


def test_empty_figure_stays_empty_with_its_reason():
    call_command("load_occupations", str(CSV))
    other = Occupation.objects.get(soc_code="15-1299")
    assert other.job_zone is None
    assert other.missing_reasons["job_zone"] == "Not published by O*NET for this code"


def test_loading_twice_changes_nothing():
    call_command("load_occupations", str(CSV))
    first = list(Occupation.objects.values_list("id", "median_annual_wage"))
    call_command("load_occupations", str(CSV))
    assert list(Occupation.objects.values_list("id", "median_annual_wage")) == first


def _broken_copy(tmp_path, line_no: int, old: str, new: str) -> Path:
    lines = CSV.read_text(encoding="utf-8").splitlines()
    assert old in lines[line_no - 1]
    lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_row_names_row_and_column_and_loads_nothing(tmp_path):
    path = _broken_copy(tmp_path, 10, "96800", "ninety")  # 15-1244, the 9th data row
    with pytest.raises(CommandError) as error:
        call_command("load_occupations", str(path))
    assert "row 10" in str(error.value)
    assert "'median_annual_wage'" in str(error.value)
    assert Occupation.objects.count() == 0


def test_bad_row_keeps_the_previous_load_intact(tmp_path):
    call_command("load_occupations", str(CSV))
    path = _broken_copy(tmp_path, 2, "103790", "203790")
    lines = path.read_text().splitlines()
    lines[16] = lines[16].replace(",4,yes,", ",9,yes,")  # 15-2051 job zone out of range
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match=r"row 17, column 'job_zone'"):
        call_command("load_occupations", str(path))
    assert Occupation.objects.get(soc_code="15-1211").median_annual_wage == 103790


def test_duplicate_code_and_missing_source_are_refused(tmp_path):
    lines = CSV.read_text(encoding="utf-8").splitlines()
    dup = lines[1].replace("https://www.bls.gov/oes/special-requests/oesm24nat.zip", "")
    path = tmp_path / "dup.csv"
    path.write_text("\n".join([*lines, dup]) + "\n")
    with pytest.raises(CommandError) as error:
        call_command("load_occupations", str(path))
    message = str(error.value)
    assert "row 18, column 'soc_code'" in message and "appears twice" in message
    assert "column 'wage_source_url'" in message


def test_unknown_header_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(CommandError, match="unknown header"):
        call_command("load_occupations", str(path))


def _oews_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["AREA", "AREA_TYPE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "A_MEDIAN"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_oews_xlsx_updates_wages_of_tracked_occupations(tmp_path):
    call_command("load_occupations", str(CSV))
    path = _oews_xlsx(
        tmp_path / "national_M2025_dl.xlsx",
        [
            [99, 1, "00-0000", "All Occupations", "total", 1, 50000],
            [99, 1, "15-1212", "Information Security Analysts", "detailed", 180000, 130000],
            [99, 1, "15-1221", "Computer and Information Research Scientists", "detailed", 1, "#"],
            [99, 1, "15-1232", "Computer User Support Specialists", "detailed", 1, "*"],
        ],
    )
    call_command("load_occupations", str(path), "--vintage", "May 2025")
    analyst = Occupation.objects.get(soc_code="15-1212")
    assert (analyst.median_annual_wage, analyst.wage_vintage) == (130000, "May 2025")
    support = Occupation.objects.get(soc_code="15-1232")
    assert support.median_annual_wage is None
    assert "Not published by BLS OEWS May 2025" in support.missing_reasons["median_annual_wage"]
    assert (
        "Above the top"
        in Occupation.objects.get(soc_code="15-1221").missing_reasons["median_annual_wage"]
    )
    # Not in the file: emptied rather than left at last year's figure (no mixed vintages).
    dev = Occupation.objects.get(soc_code="15-1252")
    assert (
        dev.median_annual_wage is None
        and "Not in the BLS OEWS May 2025 file" in dev.missing_reasons["median_annual_wage"]
    )


def test_oews_needs_a_vintage(tmp_path):
    path = _oews_xlsx(tmp_path / "o.xlsx", [])
    with pytest.raises(CommandError, match="--vintage"):
        call_command("load_occupations", str(path))


def test_projections_csv_updates_outlook(tmp_path):
    call_command("load_occupations", str(CSV))
    path = tmp_path / "Employment Projections.csv"
    path.write_text(
        "Occupation Title,Occupation Code,Employment 2025,Employment 2035,"
        '"Employment Change, 2025-2035",'
        '"Employment Percent Change, 2025-2035","Occupational Openings, 2025-2035 Annual Average",'
        "Median Annual Wage 2025,Typical Entry-Level Education,Education Code\n"
        "Information security analysts,15-1212,190.5,240,49.5,26.0,16.2,"
        '"130,000",Bachelor\'s degree,3\n'
    )
    call_command("load_occupations", str(path))
    analyst = Occupation.objects.get(soc_code="15-1212")
    assert analyst.employment == 190500
    assert analyst.annual_openings == 16200
    assert analyst.projection_period == "2025-2035"
    assert analyst.employment_vintage.startswith("2025")


def test_projections_bad_number_names_row(tmp_path):
    path = tmp_path / "ep.csv"
    path.write_text(
        "Occupation Title,Occupation Code,Employment 2024,Employment 2034,"
        '"Employment Percent Change, 2024-2034","Occupational Openings, 2024-2034 Annual Average",'
        "Typical Entry-Level Education\n"
        "A,15-1212,1.0,2.0,3.0,4.0,Bachelor's degree\n"
        "B,15-1232,lots,2.0,3.0,4.0,Bachelor's degree\n"
    )
    with pytest.raises(CommandError, match=r"row 3, column 'Employment 2024'"):
        call_command("load_occupations", str(path))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("load_occupations", str(tmp_path / "nope.csv"))


def test_sample_data_is_idempotent(sample_data):
    from pathways.models import FundingSource, Pathway, PathwayStep
    from pathways.sample_data import load

    counts = (
        Occupation.objects.count(),
        FundingSource.objects.count(),
        Pathway.objects.count(),
        PathwayStep.objects.count(),
    )
    load()
    assert counts == (
        Occupation.objects.count(),
        FundingSource.objects.count(),
        Pathway.objects.count(),
        PathwayStep.objects.count(),
    )
    assert counts[0] == 16
    assert set(FundingSource.objects.values_list("slug", flat=True)) == {
        "wioa-ita",
        "workforce-pell",
        "pell-grant",
        "vet-tec",
        "gi-bill",
        "registered-apprenticeship",
        "employer-educational-assistance",
        "scholarships",
        "nj-wioa-ita",
    }
    assert Pathway.objects.values("occupation").distinct().count() >= 6


def test_funding_facts_each_name_their_page_day_and_award_year(sample_data):
    import datetime as dt

    from pathways.models import FundingFact, FundingSource

    sources = FundingSource.objects.in_bulk(field_name="slug")
    vet_tec = sources["vet-tec"]
    assert (vet_tec.status, vet_tec.status_since) == ("closed", dt.date(2024, 4, 1))
    pell_years = FundingFact.objects.filter(source__slug="pell-grant", key="max_award")
    assert sorted(pell_years.values_list("award_year", "value")) == [
        ("2025-26", 7395),
        ("2026-27", 7395),
    ]
    # Last verified: the day a fact was read at the agency's own page or in the law.
    assert sources["pell-grant"].last_verified_on == dt.date(2026, 12, 1)
    # Workforce Pell: 34 CFR 690 subpart H, read in a snapshot of eCFR's own text.
    assert sources["workforce-pell"].last_verified_on == dt.date(2026, 12, 1)
    # IRC 127: only LexisNexis's copy of the statute was readable, so never verified.
    assert sources["employer-educational-assistance"].last_verified_on is None
    assert sources["vet-tec"].last_verified_on == dt.date(2026, 12, 1)  # VA's page on payment
    # Registered Apprenticeship: the Department of Labor's page on the standards of 29 CFR 29.5.
    assert sources["registered-apprenticeship"].last_verified_on == dt.date(2026, 12, 1)
    wages = FundingFact.objects.get(source__slug="registered-apprenticeship", key="amount_rule")
    assert (wages.confidence, wages.source_url) == (
        "verified",
        "https://www.doleta.gov/oa/characte.cfm",
    )
    assert sources["registered-apprenticeship"].source_confidence == "verified"
    lifetime = FundingFact.objects.get(source__slug="pell-grant", key="lifetime_limit")
    assert (lifetime.confidence, lifetime.source_url) == (
        "verified",
        "http://ifap.ed.gov/dpcletters/GEN1314.html",
    )
    # A fact whose agency page could not be read stays secondary and says so.
    copy = pell_years.get(award_year="2026-27")
    assert copy.confidence == "secondary"
    assert "GEN-26-01 (fsapartners.ed.gov) was not among the pages we could read" in copy.note
    # Every fact not verified says why, and no figure in the reason.
    secondary = FundingFact.objects.filter(confidence="secondary")
    assert set(secondary.values_list("source__slug", flat=True)) == {
        "pell-grant",
        "wioa-ita",
        "registered-apprenticeship",
        "vet-tec",
        "employer-educational-assistance",
    }
    assert not secondary.filter(note="").exists()
    assert not secondary.filter(note__contains="$").exists()
    workforce = FundingFact.objects.filter(source__slug="workforce-pell").exclude(key="max_award")
    assert set(workforce.values_list("confidence", flat=True)) == {"verified"}
    assert all(f.source_url.startswith("https://www.ecfr.gov/") for f in workforce)
    assert sources["nj-wioa-ita"].state == "NJ"
    confirmed = FundingFact.objects.exclude(confidence="")
    assert not confirmed.filter(read_on__isnull=True).exists()
    assert not confirmed.filter(source_url="").exists()
    # What could not be read is a row that says so, with no figure.
    unconfirmed = FundingFact.objects.filter(confidence="")
    assert unconfirmed.filter(source__slug="workforce-pell", key="max_award").exists()
    assert not unconfirmed.exclude(value=None).exists()


def test_funding_facts_load_twice_gives_the_same_rows(sample_data):
    from pathways.funding_facts import funding_facts_load
    from pathways.models import FundingFact

    before = sorted(FundingFact.objects.values_list("source__slug", "key", "award_year"))
    funding_facts_load()
    assert sorted(FundingFact.objects.values_list("source__slug", "key", "award_year")) == before
