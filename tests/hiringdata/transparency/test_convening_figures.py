"""The figures the transparency report gives the Alliance's press page: published reports only."""

import pytest
from django.utils import timezone

from alliance.extensions import convening_figures
from hiringdata.transparency.models import TransparencyReport
from hiringdata.transparency.selectors import report_figures_for_convening

pytestmark = pytest.mark.django_db

SUMMARY = {"hires": 3279, "members_reporting": 12, "tables_published": 32}


def report(year, status, hires):  # type: ignore[no-untyped-def]
    return TransparencyReport.objects.create(
        year=year,
        version=1,
        status=status,
        built_at=timezone.now(),
        published_at=timezone.now() if status == "published" else None,
        input_fingerprint="x",
        summary=SUMMARY | {"hires": hires},
    )


def test_a_convening_gets_the_published_report_of_the_year_before():
    report(2025, "published", 3279)
    figures = report_figures_for_convening(2026)
    assert [(f["label"], f["value"]) for f in figures] == [
        ("Tech hires reported for 2025", 3279),
        ("Members that reported", 12),
        ("Tables published", 32),
    ]
    assert figures[0]["source"] == "/transparency/2025/"
    assert figures[0]["as_of"] == timezone.now().date()


def test_a_draft_report_gives_nothing():
    report(2025, "draft", 9999)
    assert report_figures_for_convening(2026) == []


def test_the_alliance_reads_them_through_its_registry():
    report(2025, "published", 3279)
    assert ("Tech hires reported for 2025", 3279) in [
        (f["label"], f["value"]) for f in convening_figures(year=2026)
    ]
