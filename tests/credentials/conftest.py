import pytest

from credentials.services import comparison_index_refresh

from .factories import CostItemFactory, CredentialFactory, OccupationFactory


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
