"""Hires by credential held, by training pathway: built, protected, shown and downloaded."""

import csv
import io

import pytest
from django.db.models import Sum

from hiringdata.models import HiringCredentialCount, TrainingPathway
from hiringdata.transparency import suppression as sup
from hiringdata.transparency.inputs import NO_CREDENTIAL, year_input
from hiringdata.transparency.services import report_build, report_publish
from hiringdata.transparency.tables import ALLIANCE_TABLES, _spec, published_table
from tests.pages import page_html

from ..conftest import YEAR

pytestmark = pytest.mark.django_db
KEY = "credential-by-training-pathway"


def credential_truth(*, slugs):
    rows = HiringCredentialCount.objects.filter(
        submission__year=YEAR, submission__status="accepted"
    )
    held = [s for s in slugs if s != NO_CREDENTIAL]
    total = rows.filter(credential__slug__in=held).aggregate(s=Sum("hires"))["s"] or 0
    if NO_CREDENTIAL in slugs:
        total += rows.filter(credential__isnull=True).aggregate(s=Sum("hires"))["s"] or 0
    return total


def test_the_credential_table_shows_true_row_totals_and_no_credential_as_its_own_row(hiring_year):
    report = report_build(year=YEAR)

    table = report.tables.get(key=KEY)
    assert table.passed, table.audit
    assert table.data["dimensions"] == ["credential", "training_pathway"]
    rows = table.data["rows"]
    assert [NO_CREDENTIAL] in [r["categories"] for r in rows]
    # No credential is never counted with a credential.
    assert all(NO_CREDENTIAL not in r["categories"] or len(r["categories"]) == 1 for r in rows)
    for row, total in zip(rows, table.data["row_totals"], strict=True):
        assert "hires" in total  # row totals are shown (small ones are merged, not withheld)
        assert total["hires"] == credential_truth(slugs=row["categories"])
    assert table.data["total"]["hires"] == report.summary["hires"]


def test_the_credential_table_withholds_small_cells_with_complements(hiring_year):
    report = report_build(year=YEAR)

    data = report.tables.get(key=KEY).data
    withheld_per_row = [sum("withheld" in c for c in row) for row in data["values"]]
    assert any(withheld_per_row)  # small credential x training cells exist in this data
    assert all(n == 0 or n >= 2 for n in withheld_per_row)  # never one alone in a line
    audit = report.tables.get(key=KEY).audit
    assert audit["withheld_cells"] and all(e["protected"] for e in audit["entries"])


def test_primary_suppression_on_the_credential_table_withholds_cells_of_one_to_ten(hiring_year):
    data = year_input(year=YEAR)
    table_def = next(t for t in ALLIANCE_TABLES if t.key == KEY)
    protected = sup.table_protect(
        spec=_spec(table_def, data=data, scope=None, key=KEY), source=data.source
    )

    for cell in protected.cells.values():
        stats = data.source.stats(scope=None, selection=cell.selection)
        if 0 < stats.hires < sup.MIN_PEOPLE:
            assert cell.withheld
        if stats.hires == 0:
            assert not cell.withheld


def test_the_page_downloads_and_api_show_the_credential_table_with_catalog_names(
    hiring_year, client
):
    report_publish(report=report_build(year=YEAR))

    response = client.get(f"/transparency/{YEAR}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Credential held by training pathway" in html
    assert f"<caption>Credential held by training pathway ({YEAR})</caption>" in html
    assert "Comptia Security Plus" in html  # the catalog's name, not the slug
    assert "No credential" in html

    response = client.get(f"/transparency/{YEAR}/data.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    ours = [r for r in rows if r["table"] == KEY]
    assert ours and {"No credential", "All"} <= {r["row"] for r in ours}

    response = client.get(f"/transparency/{YEAR}/data.json")
    assert response.status_code == 200
    assert KEY in [t["key"] for t in response.json()["tables"]]


def test_the_open_data_export_holds_the_credential_table(hiring_year):
    from credentials.downloads import DATASETS

    report_publish(report=report_build(year=YEAR))

    rows = list(DATASETS["transparency-tables"].rows())
    assert any(r["table"] == KEY for r in rows)


@pytest.mark.parametrize("held", [1, 5])
def test_the_report_page_reads_credential_names_in_one_query(
    members, held, client, django_assert_num_queries
):
    from hiringdata.synthetic import hires_generate

    from ..conftest import CATALOG_CREDENTIALS
    from ..factories import CredentialFactory

    ids = [CredentialFactory(slug=slug).id for slug in CATALOG_CREDENTIALS[:held]]
    hires_generate(
        member_ids=[m.id for m in members],
        year=YEAR,
        hires_per_member=260,
        seed=8,
        credential_ids=ids,
    )
    report_publish(report=report_build(year=YEAR))

    # 1 the report, 2 its public tables with members, 3 the credential names of the
    # credential table (one query for every row), 4 the year's latest version, 5 whether a
    # newer build waits, 6 the commitment board, 7 the year's awards, 8 the year's versions.
    # (No year before, so no award candidates: their member names need no query.)
    with django_assert_num_queries(8):
        response = client.get(f"/transparency/{YEAR}/")
    assert response.status_code == 200
    assert page_html(response).count("<caption>Credential held by training pathway") == 1


def test_the_credential_table_crosses_credentials_with_every_training_pathway(hiring_year):
    report = report_build(year=YEAR)

    data = report.tables.get(key=KEY).data
    columns = data["columns"]
    # Every pathway, each its own column unless merged to protect a small one; never grouped
    # into the four kinds of training.
    assert {c for col in columns for c in col["categories"]} == set(TrainingPathway.values)
    assert not {col["key"] for col in columns} & {"non_degree", "other_pathway"}
    assert sum(len(col["categories"]) == 1 for col in columns) >= 5
    # Its column totals are the training-pathway table's wherever both show them.
    one_way = report.tables.get(key="training-pathway").data
    shown = {
        row["key"]: cell["hires"]
        for row, cell in zip(one_way["rows"], one_way["values"], strict=True)
        if "hires" in cell
    }
    compared = 0
    for column, total in zip(columns, data["column_totals"], strict=True):
        if "hires" in total and column["key"] in shown:
            assert total["hires"] == shown[column["key"]]
            compared += 1
    assert compared


def test_no_credential_cell_is_alone_withheld_in_a_column_with_a_shown_total(hiring_year):
    report = report_build(year=YEAR)

    data = report.tables.get(key=KEY).data
    for index, total in enumerate(data["column_totals"]):
        withheld = [row[index] for row in data["values"] if "withheld" in row[index]]
        if "hires" in total:
            assert len(withheld) != 1, data["columns"][index]


def test_no_withheld_credential_cell_can_be_worked_out_from_the_public_tables(hiring_year, client):
    """Every table of the page, the credential table's row and column totals and the
    training-pathway table among them, in one linear program per withheld cell."""
    from .test_outside_auditor import auditor_model, public_tables

    report = report_publish(report=report_build(year=YEAR))
    tables = public_tables(client, report)
    published = [
        published_table(key=t["key"], data=t, scope=t["member"], version=(YEAR, 1)) for t in tables
    ]

    assert sup.tables_audit(
        tables=[], model=auditor_model({(YEAR, 1): tables}, [report]), earlier=published
    )
    credential = next(t for t in published if t.spec.key == KEY)
    assert credential.audit  # small credential x pathway cells exist: the check has work
    for entry in credential.audit:
        assert entry["protected"], entry
        assert entry["range_low"] >= 1
        assert entry["range_high"] is None or (
            entry["range_high"] - entry["range_low"] >= sup.MIN_RANGE
        ), entry


def test_versions_published_before_keep_the_credential_tables_title():
    from hiringdata.transparency.tables import table_title

    assert str(table_title("credential-by-pathway-group")) == "Credential held by kind of training"
    assert str(table_title(KEY)) == "Credential held by training pathway"
