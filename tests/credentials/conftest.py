from decimal import Decimal

import pytest

from credentials.services import comparison_index_refresh

from .factories import (
    CostItemFactory,
    CredentialFactory,
    FundingSourceFactory,
    OccupationFactory,
    OutcomeReportFactory,
)


@pytest.fixture
def indexed():
    """Rebuild the comparison index after a test has made its rows."""

    def rebuild():
        return comparison_index_refresh()

    return rebuild


@pytest.fixture
def security_catalog(db, indexed):
    """Three small, distinct credentials, indexed."""
    analyst = OccupationFactory(
        soc_code="15-1212", title="Information Security Analysts", median_annual_wage=124_910
    )
    support = OccupationFactory(
        soc_code="15-1232", title="Computer User Support Specialists", median_annual_wage=60_340
    )
    sec = CredentialFactory(
        name="CompTIA Security+", slug="security-plus", category="cybersecurity"
    )
    sec.occupations.add(analyst)
    CostItemFactory(credential=sec, amount_min_usd=439)
    google = CredentialFactory(
        name="Google Cybersecurity Professional Certificate",
        slug="google-cybersecurity",
        category="cybersecurity",
        credential_type="professional_certificate",
        duration_weeks=26,
    )
    google.occupations.add(analyst, support)
    CostItemFactory(
        credential=google, kind="subscription", unit="per_month", amount_min_usd=49, count=6
    )
    aplus = CredentialFactory(
        name="CompTIA A+", slug="a-plus", category="it_support", duration_weeks=12
    )
    aplus.occupations.add(support)
    CostItemFactory(credential=aplus, amount_min_usd=265, unit="per_attempt", count=2)
    indexed()
    return {"security-plus": sec, "google-cybersecurity": google, "a-plus": aplus}


@pytest.fixture
def sources(db):
    """Three sources with the structured rules the screener reads (as pathways ships them)."""
    return {
        "workforce-pell": FundingSourceFactory(
            slug="workforce-pell",
            kind="workforce_pell",
            name="Workforce Pell",
            source_confidence="secondary",
            min_clock_hours=150,
            max_clock_hours=599,
            min_weeks=8,
            weeks_less_than=15,
            min_completion_rate_pct=70,
            min_placement_rate_pct=70,
            max_amount_usd=4000,
        ),
        "employer-educational-assistance": FundingSourceFactory(
            slug="employer-educational-assistance",
            kind="employer",
            name="Employer educational assistance",
            source_confidence="secondary",
            max_amount_usd=5250,
            employment_statuses=["employed"],
            employer_required=True,
        ),
        "gi-bill": FundingSourceFactory(
            slug="gi-bill", kind="veterans", name="GI Bill", veteran_required=True
        ),
    }


@pytest.fixture
def bootcamp(indexed, sources):
    """A 12-week, 25-hours-a-week program with CIRR outcomes and a published price."""
    credential = CredentialFactory(
        slug="short-bootcamp",
        name="Short Bootcamp",
        credential_type="bootcamp_certificate",
        duration_weeks=12,
        hours_per_week=25,
    )
    CostItemFactory(credential=credential, kind="tuition", amount_min_usd=6000)
    CostItemFactory(credential=credential, kind="exam_fee", amount_min_usd=250)
    OutcomeReportFactory(
        credential=credential, graduated_150_pct=Decimal("60"), period="2023"
    )  # older
    OutcomeReportFactory(
        credential=credential,
        graduated_150_pct=Decimal("82"),
        employed_in_field_180_days_pct=Decimal("75"),
        period="2025 H1",
    )
    credential.funding_sources.add(sources["workforce-pell"])
    indexed()
    return credential
