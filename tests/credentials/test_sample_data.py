"""The shipped sample catalog: all 52 rows of data/tech_credentials.csv, nothing invented."""

import csv
import random
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from credentials import sample_data, synthetic
from credentials.models import ComparisonIndex, CostItem, Credential, OutcomeReport
from credentials.services import comparison_index_refresh

from .factories import FundingSourceFactory, OccupationFactory

pytestmark = pytest.mark.django_db

FUNDING_SLUGS = [
    "wioa-ita", "workforce-pell", "pell-grant", "vet-tec", "gi-bill",
    "registered-apprenticeship", "employer-educational-assistance", "scholarships",
]  # fmt: skip


@pytest.fixture
def rows():
    path = Path(settings.BASE_DIR) / "data" / "tech_credentials.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


@pytest.fixture
def vocabulary(db):
    path = Path(settings.BASE_DIR) / "data" / "tech_occupations.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            OccupationFactory(
                soc_code=row["soc_code"],
                title=row["title"],
                median_annual_wage=int(row["median_annual_wage"]),
            )
    for slug in FUNDING_SLUGS:
        FundingSourceFactory(slug=slug)


def test_loads_every_row_and_is_idempotent(vocabulary, rows):
    first = sample_data.load()
    counts = (Credential.objects.count(), CostItem.objects.count(), OutcomeReport.objects.count())
    second = sample_data.load()
    assert first == second
    assert counts == (
        Credential.objects.count(),
        CostItem.objects.count(),
        OutcomeReport.objects.count(),
    )
    assert Credential.objects.count() == len(rows) == 52
    comparison_index_refresh()
    assert ComparisonIndex.objects.count() == 52


def test_totals_match_the_file_and_empty_prices_stay_unpublished(vocabulary, rows):
    sample_data.load()
    comparison_index_refresh()
    for slug, row in rows.items():
        index = ComparisonIndex.objects.get(slug=slug)
        if row["price_total_min_usd"]:
            assert index.total_cost_min_usd == Decimal(row["price_total_min_usd"]), slug
            assert index.total_cost_max_usd == Decimal(row["price_total_max_usd"]), slug
        else:
            assert index.total_cost_min_usd is None, slug


def test_every_price_keeps_its_source_date_and_confidence(vocabulary, rows):
    sample_data.load()
    for item in CostItem.objects.select_related("credential"):
        row = rows[item.credential.slug]
        assert (item.source_url, item.source_date, item.confidence) == (
            row["price_source_url"],
            row["price_source_date"],
            row["price_confidence"],
        )


def test_outcomes_only_where_the_file_has_them_and_never_synthetic(vocabulary, rows):
    sample_data.load()
    with_outcomes = {slug for slug, row in rows.items() if row["outcomes"]}
    reports = OutcomeReport.objects.select_related("credential")
    assert {r.credential.slug for r in reports} == with_outcomes
    assert not any(r.is_synthetic for r in reports)
    assert all(r.source_name and r.period for r in reports)


def test_occupations_and_funding_follow_the_documented_rules(vocabulary, rows):
    sample_data.load()
    aplus = Credential.objects.get(slug="comptia-a-plus")
    assert sorted(aplus.occupations.values_list("soc_code", flat=True)) == ["15-1231", "15-1232"]
    funding = lambda slug: set(  # noqa: E731
        Credential.objects.get(slug=slug).funding_sources.values_list("slug", flat=True)
    )
    assert funding("drexel-cybersecurity-apprenticeship") == {"registered-apprenticeship"}
    assert funding("oftc-cybersecurity-aas") == {
        "wioa-ita",
        "pell-grant",
        "employer-educational-assistance",
    }
    assert funding("freecodecamp-responsive-web-design") == set()
    assert "scholarships" in funding("google-it-support")


def test_summaries_are_the_plain_texts_the_file_carries(vocabulary):
    sample_data.load()
    assert not Credential.objects.filter(summary_en="").exists()
    assert Credential.objects.get(slug="isc2-cc").summary_en == (
        "Certified in Cybersecurity is a first step into security work. It covers the basics of "
        "keeping computers and data safe. You must pass one test. You do not need any work "
        "history to take it."
    )


def test_synthetic_credentials_are_marked_and_indexed(vocabulary):
    summary = synthetic.generate(options={"credentials": 40, "seed": 3}, rng=random.Random(3))
    assert "40 synthetic credentials" in summary
    assert Credential.objects.filter(is_synthetic=True).count() == 40
    assert not CostItem.objects.filter(is_synthetic=False).exists()
    assert not OutcomeReport.objects.filter(is_synthetic=False).exists()
    assert ComparisonIndex.objects.filter(is_synthetic=True).count() == 40
    assert Credential.objects.filter(is_synthetic=True, occupations__isnull=False).exists()
    # A second run adds more instead of clashing on slugs.
    synthetic.generate(options={"credentials": 5, "seed": 3}, rng=random.Random(3))
    assert Credential.objects.filter(is_synthetic=True).count() == 45
