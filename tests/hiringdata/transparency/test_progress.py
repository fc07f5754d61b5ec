"""Year-over-year progress per dimension: from published shares of both years only."""

import pytest
from django.utils import timezone

from hiringdata.transparency.models import ReportTable, TransparencyReport
from hiringdata.transparency.services import report_build, report_changes, report_publish
from tests.pages import page_html

from ..conftest import YEAR

pytestmark = pytest.mark.django_db


def one_way(report, key, dimension, cells):
    """A published-shaped one-way table: cells are (category, hires or None for withheld)."""
    total = sum(h for _, h in cells if h is not None) + 40
    values = [
        {"withheld": "protected"} if h is None else {"hires": h, "share": round(100 * h / total, 1)}
        for _, h in cells
    ]
    return ReportTable(
        report=report,
        key=key,
        position=0,
        passed=True,
        data={
            "dimensions": [dimension],
            "rows": [{"key": c, "categories": [c]} for c, _ in cells],
            "values": values,
            "total": {"hires": total},
            "merges": [],
        },
    )


def a_report(year, version=1):
    return TransparencyReport.objects.create(
        year=year, version=version, built_at=timezone.now(), input_fingerprint="x"
    )


def test_a_change_is_shown_only_where_both_years_show_the_share(db):
    before = a_report(YEAR - 1)
    one_way(
        before, "sex", "sex", [("female", 300), ("male", 700), ("another", None), ("x", None)]
    ).save()
    now = one_way(
        a_report(YEAR), "sex", "sex", [("female", 330), ("male", None), ("another", 12), ("y", 9)]
    )

    rows = {
        r["key"]: r for r in report_changes(current={"sex": now}, previous=before)["tables"]["sex"]
    }

    assert rows["female"]["change_points"] == round(
        rows["female"]["share"] - rows["female"]["previous_share"], 1
    )
    assert rows["male"]["withheld"] == "withheld_this_year" and "change_points" not in rows["male"]
    assert rows["male"]["share"] is None
    assert rows["another"]["withheld"] == "withheld_year_before"
    assert rows["another"]["previous_share"] is None and "change_points" not in rows["another"]
    assert rows["y"]["withheld"] == "not_in_year_before"
    assert rows["x"]["withheld"] == "not_in_this_year"


def test_no_previous_table_gives_no_change(db):
    before = a_report(YEAR - 1)
    now = one_way(a_report(YEAR), "sex", "sex", [("female", 330)])

    assert report_changes(current={"sex": now}, previous=before)["tables"] == {}
    assert report_changes(current={"sex": now}, previous=None) == {}


@pytest.fixture
def published(hiring_year):
    report_publish(report=report_build(year=YEAR - 1))
    return report_publish(report=report_build(year=YEAR))


def test_every_change_comes_from_shares_published_in_both_years(published):
    previous = TransparencyReport.objects.published().get(year=YEAR - 1)
    changes = published.summary["changes"]["tables"]

    # Every dimension: the one-way tables and credential held (rows of the crossed table).
    assert {"race-ethnicity", "sex", "education", "training-pathway"} <= set(changes)
    assert "credential-by-training-pathway" in changes
    for key, rows in changes.items():
        data_now = published.tables.get(key=key).data
        data_then = previous.tables.get(key=key).data

        def shares(data):
            cells = data["values"] if len(data["dimensions"]) == 1 else data["row_totals"]
            return {r["key"]: c.get("share") for r, c in zip(data["rows"], cells, strict=True)}

        now, then = shares(data_now), shares(data_then)
        assert {r["key"] for r in rows} == set(now) | set(then)
        for row in rows:
            if "change_points" in row:
                assert row["share"] == now[row["key"]] is not None
                assert row["previous_share"] == then[row["key"]] is not None
            else:
                assert row["withheld"]
                assert now.get(row["key"]) is None or then.get(row["key"]) is None


def test_the_page_shows_progress_per_dimension_in_plain_words(published, client):
    response = client.get(f"/transparency/{YEAR}/")

    assert response.status_code == 200
    html = page_html(response)
    assert "Change: Hires by race or ethnicity" in html
    assert "Change: Credential held by training pathway" in html
    assert (
        "A change of 2 points means the share went, for example, from 20 to 22 out of every "
        "100 hires" in html
    )
    assert f"<caption>Hires by sex: share of hires in {YEAR} and the year before</caption>" in html
    withheld = [
        r
        for rows in published.summary["changes"]["tables"].values()
        for r in rows
        if "withheld" in r
    ]
    if withheld:
        assert "No change shown:" in html


def test_the_printable_version_holds_the_progress_tables(published, client):
    response = client.get(f"/transparency/{YEAR}/print/")

    assert response.status_code == 200
    assert "Change: Hires by sex" in page_html(response)
