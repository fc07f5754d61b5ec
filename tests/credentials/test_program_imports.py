"""load_etpl and load_scorecard on the publishers' real files and on broken copies of them."""

import bz2
import csv
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from credentials.models import Program
from pathways.publicdata.models import DataLoad, Zcta
from tests.pathways.publicdata_files import derived, public_file

pytestmark = pytest.mark.django_db

ETPL_2023 = "nj_etpl/standardized_etpl_20230428_seed.csv"
ETPL_2021 = "nj_etpl/etpl_20210329172300.csv"
OUTCOMES = "nj_etpl/outcomes_schcip.csv"
SCORECARD = "college_scorecard/FieldOfStudyData1516_1617_PP.csv.bz2"


def _load_etpl(path, *extra):
    call_command("load_etpl", str(path), "--state", "NJ", *extra)


def test_the_2023_release_loads_every_program_with_its_costs_and_outcomes():
    Zcta.objects.create(code="08330", latitude=39.47, longitude=-74.72)
    _load_etpl(public_file(ETPL_2023), "--outcomes", str(public_file(OUTCOMES)))
    assert Program.objects.count() == 128
    web = Program.objects.get(source_state="NJ", external_id="45591")
    assert (web.name, web.cip_code, web.zip_code) == ("Web Development", "11.0801", "08330")
    assert (web.tuition_usd, web.fees_usd, web.total_cost_usd) == (4000, 50, 4700)
    assert (web.clock_hours, web.calendar_length, web.evening_courses) == (530, 7, False)
    assert web.languages == ["hi"]
    assert web.source_date.isoformat() == "2023-04-28"
    assert (web.latitude, web.longitude) == (39.47, -74.72)
    record = DataLoad.objects.get()
    assert (record.source, record.status, record.rows_read) == ("etpl_nj", "loaded", 128)


def test_the_2021_release_with_its_other_columns_loads_too():
    _load_etpl(public_file(ETPL_2021))
    assert Program.objects.count() == 736


def test_withheld_outcomes_are_named_never_stored_as_numbers():
    _load_etpl(public_file(ETPL_2021), "--outcomes", str(public_file(OUTCOMES)))
    # outcomes_schcip.csv: provider 27, CIP 52.0301: 0.714285714285714 employed after 2
    # quarters, $5,013 a quarter; -99999 (withheld) for the share employed after 8 quarters.
    with_outcomes = Program.objects.filter(has_outcomes=True)
    assert with_outcomes.exists()
    withheld = with_outcomes.exclude(withheld=[]).first()
    for field in withheld.withheld:
        assert getattr(withheld, field) is None
    assert not Program.objects.filter(wage_q2_usd__lt=0).exists()


def test_the_same_file_twice_changes_nothing():
    _load_etpl(public_file(ETPL_2023))
    before = list(Program.objects.order_by("pk").values_list("pk", "updated_at"))
    _load_etpl(public_file(ETPL_2023), "--force")
    assert list(Program.objects.order_by("pk").values_list("pk", "updated_at")) == before
    latest = DataLoad.objects.order_by("-started_at").first()
    assert (latest.rows_added, latest.rows_changed) == (0, 0)


def _refused(path, *expected, command="load_etpl", args=("--state", "NJ")):
    with pytest.raises(CommandError) as error:
        call_command(command, str(path), *args)
    for text in expected:
        assert text in str(error.value)
    assert Program.objects.count() == 0
    assert DataLoad.objects.get().status == "refused"
    return str(error.value)


def test_a_cip_code_a_spreadsheet_turned_into_a_date_is_refused_with_row_and_column(tmp_path):
    path = derived(
        tmp_path,
        public_file(ETPL_2023),
        lambda lines: [lines[0], lines[1].replace(b",513501,", b",Nov-11,", 1), *lines[2:]],
    )
    _refused(path, "row 2", "'cipcode'", "Nov-11", "nothing loaded")


def test_a_truncated_file_is_refused(tmp_path):
    source = public_file(ETPL_2023).read_bytes()
    path = tmp_path / "standardized_etpl_20230428_seed.csv"
    path.write_bytes(source[: len(source) // 2])
    _refused(path, "nothing loaded")


def test_reordered_columns_are_refused(tmp_path):
    def swap(lines):
        header = lines[0].replace(b"tuition,fees", b"fees,tuition", 1)
        header = header.replace(b",name,", b",NAME_,", 1).replace(b",officialname,", b",name,", 1)
        return [header.replace(b",NAME_,", b",officialname,", 1), *lines[1:]]

    # Header names moved, values not: the provider's name lands in the tuition column.
    path = derived(tmp_path, public_file(ETPL_2023), swap)
    message = _refused(path, "row 2")
    assert "'tuition'" in message or "'officialname'" in message or "'name'" in message


def test_a_wrong_encoding_is_refused(tmp_path):
    path = tmp_path / "standardized_etpl_20230428_seed.csv"
    path.write_bytes(public_file(ETPL_2023).read_text("utf-8").encode("utf-16"))
    _refused(path, "wrong encoding")


def test_a_duplicate_program_id_is_refused_naming_both_rows(tmp_path):
    # Records span several lines (quoted comments), so the copy is made record by record.
    rows = list(csv.reader(io.StringIO(public_file(ETPL_2021).read_text("utf-8"), newline="")))
    path = tmp_path / "etpl_20210329172300.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([*rows, rows[1]])
    _refused(path, "'programid'", "duplicate program id (first on row 2)")


def test_a_file_of_the_wrong_kind_is_refused_naming_missing_columns(tmp_path):
    _refused(public_file(OUTCOMES), "not an ETPL programs file", "officialname")


def _scorecard_sample(tmp_path, rows):
    """The real Scorecard file's header and first `rows` rows, bz2-compressed as published."""
    with bz2.open(public_file(SCORECARD)) as handle:
        lines = [next(handle) for _ in range(rows + 1)]
    path = tmp_path / "FieldOfStudyData1516_1617_PP.csv.bz2"
    path.write_bytes(bz2.compress(b"".join(lines)))
    return path


def test_scorecard_keeps_privacy_suppressed_figures_as_withheld(tmp_path):
    path = _scorecard_sample(tmp_path, 400)
    call_command("load_scorecard", str(path), "--date", "2023-04-06", "--cip", "all")
    assert Program.objects.count() == 400
    # Alabama A & M, Computer and Information Sciences, General, bachelor's: 25 awards,
    # median debt $36,250, median earnings $54,300 (one of the first 400 rows).
    bachelor = Program.objects.get(external_id="100654-1101-3")
    assert (bachelor.awards_count, bachelor.median_debt_usd) == (25, 36250)
    assert bachelor.median_earnings_usd == 54300
    assert bachelor.credential_level == "Bachelor\u2019s Degree"  # cp1252 quote, read as such
    master = Program.objects.get(external_id="100654-1101-5")
    assert master.median_earnings_usd is None
    assert "median_earnings_usd" in master.withheld


def test_scorecard_keeps_only_the_asked_cip_families(tmp_path):
    path = _scorecard_sample(tmp_path, 400)
    call_command("load_scorecard", str(path), "--date", "2023-04-06", "--cip", "11")
    assert Program.objects.exists()
    assert set(Program.objects.values_list("cip_code", flat=True)) <= {
        c for c in Program.objects.values_list("cip_code", flat=True) if c.startswith("11")
    }
    assert not Program.objects.exclude(cip_code__startswith="11").exists()


def test_scorecard_refuses_an_unparsable_figure(tmp_path):
    path = _scorecard_sample(tmp_path, 400)
    raw = bz2.decompress(path.read_bytes()).replace(b",54300,", b",54k,", 1)
    path.write_bytes(bz2.compress(raw))
    _refused(
        path,
        "'P_MD_EARN_WNE'",
        "54k",
        command="load_scorecard",
        args=("--date", "2023-04-06", "--cip", "all"),
    )


def test_costs_are_decimals_as_published():
    _load_etpl(public_file(ETPL_2023))
    assert Program.objects.filter(total_cost_usd=Decimal("15578")).exists()
