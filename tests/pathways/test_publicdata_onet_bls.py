"""O*NET, OEWS and Projections importers on the real files, and refusals of broken copies."""

import shutil

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from pathways.models import Occupation
from pathways.publicdata.models import (
    DataLoad,
    OccupationTitle,
    Projection,
    TechnologySkill,
    Wage,
)

from .publicdata_files import CARRIED, derived, public_file

pytestmark = pytest.mark.django_db

OEWS = "bls/oews_national_M2024_dl.xlsx"
EP_OCC, EP_EDU = "bls/ep_2024_2034_occupation.xlsx", "bls/ep_2024_2034_education.xlsx"


@pytest.fixture
def onet_dir():
    return public_file("onet_30_1")


@pytest.fixture
def onet_loaded(onet_dir):
    call_command("load_crosswalk", str(CARRIED / "crosswalks/soc2018_cip2020_crosswalk.csv.xz"))
    call_command("load_onet", str(onet_dir))


def test_onet_loads_all_1016_occupations_with_titles_tasks_and_technology(onet_loaded):
    assert Occupation.objects.count() == 1016
    support = Occupation.objects.get(soc_code="15-1232")
    assert support.onet_code == "15-1232.00"
    assert support.job_zone == 3
    assert support.in_tech_family
    assert set(support.interests) == set("RIASEC")
    assert Occupation.objects.get(soc_code="15-1299.04").title == "Penetration Testers"
    assert Occupation.objects.get(soc_code="11-3021").in_tech_family
    assert not Occupation.objects.get(soc_code="29-1141").in_tech_family
    assert OccupationTitle.objects.filter(kind="alternate").count() == 56505
    assert TechnologySkill.objects.filter(hot=True).exists()
    load = DataLoad.objects.get(source="onet")
    assert load.vintage == "O*NET 30.1 (December 2025 Release)"
    assert load.details["Task Statements.txt"]["read"] == 18796


def test_onet_merges_into_the_hand_compiled_occupations(onet_dir):
    from pathways.sample_data import load

    load()
    plain = Occupation.objects.get(soc_code="15-1212").description
    call_command("load_onet", str(onet_dir))
    analyst = Occupation.objects.get(soc_code="15-1212")
    assert analyst.description == plain  # our plain sentence stays
    assert analyst.onet_description.startswith("Plan, implement, upgrade")
    assert analyst.pathways.exists()
    assert Occupation.objects.filter(soc_code__startswith="15-1212").count() == 1


def _copy_onet(tmp_path, onet_dir, name, edit):
    target = tmp_path / "onet"
    shutil.copytree(onet_dir, target)
    derived(target, onet_dir / name, edit, name=name)
    return target


def test_onet_soc_code_made_a_date_is_refused_and_nothing_loads(tmp_path, onet_dir):
    folder = _copy_onet(
        tmp_path,
        onet_dir,
        "Job Zones.txt",
        lambda lines: [lines[0], lines[1].replace(b"11-1011.00", b"Nov-11", 1), *lines[2:]],
    )
    with pytest.raises(CommandError) as error:
        call_command("load_onet", str(folder))
    assert "row 2" in str(error.value) and "Job Zones.txt: O*NET-SOC Code" in str(error.value)
    assert "date" in str(error.value)
    assert Occupation.objects.count() == 0


def test_onet_truncated_file_is_refused(tmp_path, onet_dir):
    folder = _copy_onet(
        tmp_path, onet_dir, "Task Statements.txt", lambda lines: [*lines[:100], lines[100][:15]]
    )
    with pytest.raises(CommandError) as error:
        call_command("load_onet", str(folder))
    assert "row 101" in str(error.value) and "ends early" in str(error.value)
    assert Occupation.objects.count() == 0


def test_onet_missing_file_is_refused(tmp_path, onet_dir):
    folder = tmp_path / "onet"
    shutil.copytree(onet_dir, folder)
    (folder / "Interests.txt").unlink()
    with pytest.raises(CommandError, match=r"Interests\.txt"):
        call_command("load_onet", str(folder))


def test_oews_national_keeps_marks_and_never_shows_them_as_numbers():
    call_command("load_oews", str(public_file(OEWS)))
    managers = Wage.objects.get(soc_code="11-1011", area_code="99")
    assert managers.vintage == "May 2024"
    assert managers.annual_pct90 is None and managers.marks["A_PCT90"] == "#"
    support = Wage.objects.get(soc_code="15-1232", area_code="99")
    assert support.annual_median == 60340
    assert support.employment == 697210


def _oews_state_file(tmp_path):
    """A state file in the OEWS layout: national rows relabelled as New Jersey (area 34)."""
    workbook = load_workbook(public_file(OEWS))
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        row[0].value, row[1].value, row[2].value, row[3].value = "34", "New Jersey", 2, "NJ"
    path = tmp_path / "state_M2024_dl.xlsx"
    workbook.save(path)
    return path


def test_oews_state_file_adds_its_area_and_keeps_national(tmp_path):
    call_command("load_oews", str(public_file(OEWS)))
    call_command("load_oews", str(_oews_state_file(tmp_path)), "--vintage", "May 2024")
    assert Wage.objects.filter(area_code="34", soc_code="15-1232").get().state == "NJ"
    assert (
        Wage.objects.filter(area_code="99").count() == Wage.objects.filter(area_code="34").count()
    )


def test_oews_bad_wage_is_refused_naming_row_and_column(tmp_path):
    workbook = load_workbook(public_file(OEWS))
    sheet = workbook.worksheets[0]
    sheet["AB10"] = "n/a"  # A_MEDIAN of row 10
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    with pytest.raises(CommandError) as error:
        call_command("load_oews", str(path), "--vintage", "May 2024")
    assert "row 10" in str(error.value) and "'A_MEDIAN'" in str(error.value)
    assert Wage.objects.count() == 0


def test_wrong_kind_of_file_for_oews_is_refused():
    with pytest.raises(CommandError, match="not an Excel workbook"):
        call_command("load_oews", str(public_file("crosswalks/soc2018_cip2020_crosswalk.csv")))


def test_projections_load_period_openings_and_entry_education():
    call_command("load_projections", str(public_file(EP_OCC)), str(public_file(EP_EDU)))
    support = Projection.objects.get(soc_code="15-1232")
    assert support.period == "2024-2034"
    assert support.annual_openings == 40800
    assert support.entry_education == "Some college, no degree"
    call_command("load_projections", str(public_file(EP_OCC)), str(public_file(EP_EDU)))
    assert DataLoad.objects.filter(source="projections").count() == 1
