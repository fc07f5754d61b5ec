"""Building, freezing and publishing reports; what pages, downloads and the API may show."""

import csv
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, InternalError, transaction
from django.db.models import Sum

from hiringdata.models import HiringCount
from hiringdata.transparency.models import ReportStatus, ReportTable, TransparencyReport
from hiringdata.transparency.services import ReportError, report_build, report_publish

from ..conftest import YEAR

pytestmark = pytest.mark.django_db

FROZEN_ERRORS = (IntegrityError, InternalError)


def cells_of(data):
    for value in data.get("values", []):
        yield from value if isinstance(value, list) else [value]
    yield from data.get("row_totals", [])
    yield from data.get("column_totals", [])
    yield data["total"]


def truth(*, year, dimension, categories, member=None):
    rows = HiringCount.objects.filter(
        submission__year=year, submission__status="accepted", **{f"{dimension}__in": categories}
    )
    if member is not None:
        rows = rows.filter(submission__member_id=member)
    return rows.aggregate(s=Sum("hires"))["s"] or 0


def test_build_makes_a_draft_whose_shown_numbers_are_true_and_withheld_ones_absent(hiring_year):
    report = report_build(year=YEAR)

    assert report.status == ReportStatus.DRAFT and report.version == 1
    tables = list(report.tables.all())
    assert {t.key for t in tables} >= {"pathway-group", "race-ethnicity", "pathway-group-by-race"}
    for table in tables:
        assert table.passed, table.audit
        assert all(entry["protected"] for entry in table.audit["entries"])
        for cell in cells_of(table.data):
            assert set(cell) in ({"withheld"}, {"hires"}, {"hires", "share"})
        if len(table.data["dimensions"]) != 1 or table.data["dimensions"][0] == "occupation_group":
            continue
        for row, cell in zip(table.data["rows"], table.data["values"], strict=True):
            if "hires" in cell:
                assert cell["hires"] == truth(
                    year=YEAR,
                    dimension=table.data["dimensions"][0],
                    categories=row["categories"],
                    member=table.member_id,
                )


def test_small_groups_are_withheld_with_a_reason(hiring_year):
    report = report_build(year=YEAR)
    crossed = report.tables.get(key="pathway-group-by-race")
    shown = {c["withheld"] for c in cells_of(crossed.data) if "withheld" in c}
    rules = {entry["reason"] for entry in crossed.audit["entries"]}
    # 3,120 hires with 1 % Pacific Islander and American Indian: some crossed cells are small.
    assert {"few_people", "complementary"} <= rules
    # In public every withheld cell gives one reason: which rule withheld it is not told.
    assert shown == {"protected"}


def test_two_builds_of_the_same_data_give_identical_tables(hiring_year):
    first = report_build(year=YEAR)
    second = report_build(year=YEAR)

    assert second.version == first.version + 1
    assert first.input_fingerprint == second.input_fingerprint

    def tables(report):
        return [(t.key, t.position, t.data, t.audit) for t in report.tables.order_by("position")]

    assert tables(first) == tables(second)


def test_new_data_changes_the_fingerprint(hiring_year, members):
    first = report_build(year=YEAR)
    members[3].publish_own_figures = True
    members[3].save()
    assert report_build(year=YEAR).input_fingerprint != first.input_fingerprint


def test_a_published_report_is_frozen_in_the_database(hiring_year):
    report = report_publish(report=report_build(year=YEAR))

    with pytest.raises(FROZEN_ERRORS), transaction.atomic():
        TransparencyReport.objects.filter(pk=report.pk).update(status="draft")
    with pytest.raises(FROZEN_ERRORS), transaction.atomic():
        ReportTable.objects.filter(report=report).update(data={})
    with pytest.raises(FROZEN_ERRORS), transaction.atomic():
        ReportTable.objects.filter(report=report).delete()
    with pytest.raises(FROZEN_ERRORS), transaction.atomic():
        TransparencyReport.objects.filter(pk=report.pk).delete()
    with pytest.raises(ReportError):
        report_publish(report=report)


def test_building_again_makes_a_new_draft_and_keeps_the_old_version(hiring_year, client):
    v1 = report_publish(report=report_build(year=YEAR))
    v2 = report_build(year=YEAR)

    assert v2.status == ReportStatus.DRAFT and v2.version == 2
    # The page still shows v1: a draft is never public.
    page = client.get(f"/transparency/{YEAR}/")
    assert page.context["report"].pk == v1.pk
    assert client.get(f"/transparency/{YEAR}/v2/").status_code == 404

    report_publish(report=v2)
    assert client.get(f"/transparency/{YEAR}/").context["report"].pk == v2.pk
    old = client.get(f"/transparency/{YEAR}/v1/")
    assert old.status_code == 200
    assert "older version" in old.content.decode()


def test_publish_refuses_a_table_whose_audit_failed(hiring_year):
    report = report_build(year=YEAR)
    table = report.tables.get(key="sex")
    table.audit = {**table.audit, "passed": False}
    table.save()

    with pytest.raises(ReportError, match="sex"):
        report_publish(report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_failed_tables_keep_no_numbers_and_are_not_shown(hiring_year, client):
    report = report_build(year=YEAR)
    table = report.tables.get(key="education")
    ReportTable.objects.filter(pk=table.pk).update(
        passed=False, dropped_reason="audit_failed", data={"merges": []}
    )
    report_publish(report=report)

    page = client.get(f"/transparency/{YEAR}/")
    assert "education" not in {t["key"] for t in page.context["alliance_tables"]}
    assert 'id="t-a-education"' not in page.content.decode()
    data = client.get(f"/transparency/{YEAR}/data.json").json()
    assert "education" not in {t["key"] for t in data["tables"]}


def test_a_year_with_no_accepted_data_says_so(db, client):
    response = client.get("/transparency/2019/")
    assert response.status_code == 404
    assert "No member hiring data has been accepted for 2019" in response.content.decode()


def test_a_year_with_only_a_draft_says_not_published(hiring_year, client):
    report_build(year=YEAR)
    response = client.get(f"/transparency/{YEAR}/")
    assert response.status_code == 404
    assert "has not been published yet" in response.content.decode()
    assert client.get(f"/transparency/{YEAR}/data.csv").status_code == 404
    assert client.get(f"/transparency/{YEAR}/data.json").status_code == 404


def test_no_accepted_data_builds_an_empty_draft_that_cannot_be_published(db):
    report = report_build(year=2019)
    assert report.tables.count() == 0
    with pytest.raises(ReportError):
        report_publish(report=report)


@pytest.fixture
def published(hiring_year):
    report_publish(report=report_build(year=YEAR - 1))
    return report_publish(report=report_build(year=YEAR))


def test_page_shows_charts_with_data_tables_and_explains_withheld_cells(published, client):
    response = client.get(f"/transparency/{YEAR}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    # Every chart sits beside a table with a caption and header scopes.
    assert html.count('class="tr-chart"') >= 5
    assert html.count("<caption>") >= html.count('class="tr-chart"')
    assert 'scope="row"' in html and 'scope="col"' in html
    # One reason on every withheld cell; the rule that withheld it is not told.
    assert "Withheld to protect small groups" in html
    assert "Withheld: fewer than 11 people" not in html
    assert "synthetic-flag" in html
    assert "Change since last year" in html
    assert "How we pick candidates" in html


def test_chart_rows_match_their_data_table(published, client):
    response = client.get(f"/transparency/{YEAR}/")
    for table in response.context["alliance_tables"]:
        if "bars" not in table:
            continue
        assert [b["label"] for b in table["bars"]] == [c["label"] for c in table["cells"]]
        for bar, cell in zip(table["bars"], table["cells"], strict=True):
            assert bar["share"] == cell["cell"].get("share")


def test_csv_download_never_carries_a_withheld_number(published, client):
    response = client.get(f"/transparency/{YEAR}/data.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    withheld = [r for r in rows if r["withheld_reason"]]
    assert withheld
    assert all(r["hires"] == "" and r["share_percent"] == "" for r in withheld)
    assert {r["table"] for r in rows} >= {"pathway-group", "pathway-group-by-sex"}


def _keys_of(value):
    """Every key anywhere in a JSON value."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _keys_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys_of(inner)


def test_json_download_and_api_never_carry_withheld_numbers_or_the_audit(published, client):
    payloads = [
        client.get(f"/transparency/{YEAR}/data.json").json(),
        client.get(f"/api/v1/transparency-reports/{published.pk}/").json(),
    ]
    for payload in payloads:
        # A merge may say it was made "because of the audit"; the audit's own record (its
        # ranges, the cells it bounded) must never be published.
        keys = set(_keys_of(payload))
        assert not keys & {"audit", "range_low", "range_high", "bounds"}, keys
        withheld = 0
        for table in payload["tables"]:
            for cell in cells_of(table):
                if "withheld" in cell:
                    withheld += 1
                    assert set(cell) == {"withheld"}
        assert withheld


def test_api_lists_published_reports_only(published, client):
    draft = report_build(year=YEAR)
    listing = client.get("/api/v1/transparency-reports/").json()
    ids = {r["id"] for r in listing["results"]}
    assert published.pk in ids and draft.pk not in ids
    assert client.get(f"/api/v1/transparency-reports/{draft.pk}/").status_code == 404
    only = client.get("/api/v1/transparency-reports/", {"year": YEAR - 1}).json()
    assert {r["year"] for r in only["results"]} == {YEAR - 1}


def test_api_rejects_a_bad_year_with_400(db, client):
    response = client.get("/api/v1/transparency-reports/", {"year": "abc"})
    assert response.status_code == 400
    assert "year" in response.json()


def test_awards_and_changes_come_from_published_figures(published):
    summary = published.summary
    assert summary["changes"]["previous_version"] == 1
    candidates = summary["awards"]["candidates"]
    assert {c["member_id"] for c in candidates} <= set(
        published.tables.filter(member__isnull=False).values_list("member_id", flat=True)
    )
    for c in candidates:
        table = published.tables.get(key=f"member-{c['member_id']}-pathway-group")
        row = [r["key"] for r in table.data["rows"]].index("non_degree")
        assert table.data["values"][row]["share"] == c["share"]


def test_command_builds_and_publishes(hiring_year, capsys):
    call_command("build_transparency_report", "--year", str(YEAR), "--publish")
    out = capsys.readouterr().out
    assert f"published {YEAR} v1" in out
    assert TransparencyReport.objects.published().filter(year=YEAR).count() == 1


def test_staff_page_builds_and_publishes_and_others_cannot(
    hiring_year, client, staff_user, django_capture_on_commit_callbacks
):
    assert client.get("/transparency/staff/").status_code == 302  # to the login page
    client.force_login(staff_user)
    response = client.post("/transparency/staff/", {"year": "nope"}, follow=True)
    assert "Enter a four-digit year" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/transparency/staff/", {"year": str(YEAR)})
    report = TransparencyReport.objects.get(year=YEAR)
    page = client.get(f"/transparency/staff/{report.pk}/").content.decode()
    assert "Passed: every withheld number" in page
    client.post(f"/transparency/staff/{report.pk}/publish/")
    report.refresh_from_db()
    assert report.is_published


def test_index_and_api_list_use_constant_queries(published, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get("/transparency/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/transparency-reports/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"/transparency/{YEAR}/").status_code == 200


def test_tables_that_fail_the_rule_are_not_published_and_staff_see_why(db, client, staff_user):
    # Two employers only: every Alliance-wide table has fewer than 3 employers in all.
    from hiringdata.synthetic import hires_generate

    from ..factories import MemberFactory

    ids = [MemberFactory().id for _ in range(2)]
    hires_generate(member_ids=ids, year=YEAR, hires_per_member=200, seed=5)
    report = report_build(year=YEAR)

    assert not report.tables.filter(passed=True).exists()
    for table in report.tables.all():
        assert table.dropped_reason == "few_employers"
        assert set(table.data) == {"merges"}  # no numbers kept at all
    with pytest.raises(ReportError):
        report_publish(report=report)
    client.force_login(staff_user)
    page = client.get(f"/transparency/staff/{report.pk}/").content.decode()
    assert "Not published: fewer than 3 employers in all." in page


def test_an_audit_failure_is_stored_with_the_cells_that_leak(db):
    from hiringdata.transparency import suppression as sup
    from tests.hiringdata.transparency.test_suppression import MODEL, leaky_table

    table = leaky_table()
    sup.tables_audit(tables=[table], model=MODEL)
    failing = [e for e in table.audit if not e["protected"]]
    assert failing and all(e["range_high"] - e["range_low"] < 11 for e in failing)


def test_pdf_of_a_published_report(published, client):
    response = client.get(f"/transparency/{YEAR}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get("/transparency/2019/report.pdf").status_code == 404


def test_a_share_is_shown_only_when_its_total_is_shown():
    from hiringdata.transparency import suppression as sup
    from hiringdata.transparency.tables import table_json
    from tests.hiringdata.transparency.test_suppression import leaky_table

    table = leaky_table()
    table.cells[sup.selection_of([("r", frozenset({"a"}))])].reason = sup.COMPLEMENTARY
    data = table_json(table)
    row_a = data["values"][0]
    assert all("share" not in cell for cell in row_a)  # its row total is withheld
    assert all("share" in cell for cell in data["values"][2] if "hires" in cell)
    assert data["row_totals"][0] == {"withheld": sup.PROTECTED}


def test_report_page_shows_the_commitment_board_and_the_awards_it_was_presented_with(
    published, client
):
    from datetime import date

    from alliance.models import Award, Convening
    from tests.alliance.factories import CommitmentFactory, MemberFactory

    signer = MemberFactory(name="Harbor Analytics")
    CommitmentFactory(member=signer)
    # The convening of YEAR + 1 presents the report for YEAR (its "most progress" award reads
    # this report); the convening of YEAR presented the report before it.
    for year, method in ((YEAR, "From the report before"), (YEAR + 1, "Share of non-degree hires")):
        convening = Convening.objects.create(
            year=year, title="Convening", held_on=date(year, 5, 1), place="Online"
        )
        Award.objects.create(
            convening=convening, member=signer, title="Most progress", method=method
        )
    html = client.get(f"/transparency/{YEAR}/").content.decode()
    board = html.split('id="commitments"')[1].split('id="awards"')[0]
    assert "Harbor Analytics" in board
    assert "On track" in board
    awards = html.split('id="awards"')[1]
    assert "Most progress" in awards and "Share of non-degree hires" in awards
    assert f"Given at the Alliance's {YEAR + 1} convening" in awards
    assert "From the report before" not in awards


def test_generate_synthetic_makes_members_and_accepted_synthetic_submissions(db, capsys):
    from alliance.models import Member
    from hiringdata.models import Submission

    call_command(
        "generate_synthetic", "--members", "3", "--hires-per-member", "50", "--year", "2025"
    )
    assert Member.objects.filter(is_synthetic=True).count() == 3
    submissions = Submission.objects.filter(year=2025, status="accepted", is_synthetic=True)
    assert submissions.count() == 3
    totals = HiringCount.objects.filter(submission__year=2025).aggregate(s=Sum("hires"))["s"]
    assert totals == 150
    # Running again adds nothing for members that already have an accepted file.
    call_command(
        "generate_synthetic", "--members", "3", "--hires-per-member", "50", "--year", "2025"
    )
    assert HiringCount.objects.filter(submission__year=2025).aggregate(s=Sum("hires"))["s"] == 150


def test_sample_data_is_synthetic_labelled_and_idempotent(db):
    from hiringdata import sample_data

    first = sample_data.load()
    assert "synthetic" in first
    reports = list(TransparencyReport.objects.published())
    assert {r.year for r in reports} == set(sample_data.DEMO_YEARS)
    assert all(r.is_synthetic for r in reports)
    sample_data.load()
    assert TransparencyReport.objects.count() == len(reports)
