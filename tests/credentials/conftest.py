from decimal import Decimal

import pytest

from credentials.services import comparison_index_refresh

from .factories import (
    CostItemFactory,
    CredentialFactory,
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
    """The shipped funding sources with their facts, as read from the agencies' pages."""
    from pathways.models import FundingSource
    from pathways.sample_data import funding_sources_load

    funding_sources_load()
    return FundingSource.objects.in_bulk(field_name="slug")


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
