"""The shared FilterSet: search, each filter, sorts and invalid values."""

import pytest
from django.utils import translation

from credentials.selectors import credential_search

from .factories import (
    CredentialFactory,
    FundingSourceFactory,
    OccupationFactory,
    OutcomeReportFactory,
    certify,
)

pytestmark = pytest.mark.django_db


def slugs(params):
    filterset = credential_search(params=params)
    assert filterset.is_valid(), filterset.errors
    return [row.slug for row in filterset.qs]


def test_search_weights_name_above_skills_and_occupations(security_catalog):
    # "security" is in Security+'s name; the Google one reaches it through its occupation title.
    results = slugs({"q": "security"})
    assert results[0] == "security-plus"
    assert set(results) == {"security-plus", "google-cybersecurity"}


def test_a_typo_falls_back_to_similar_names(security_catalog):
    assert slugs({"q": "cybersecurty"}) == ["google-cybersecurity"]


def test_search_ignores_accents_and_works_in_spanish(security_catalog):
    with translation.override("es"):
        assert "google-cybersecurity" in slugs({"q": "ciberseguridád"})


def test_category_and_credential_type_filters(security_catalog):
    assert slugs({"category": ["it_support"]}) == ["a-plus"]
    assert slugs({"credential_type": "professional_certificate"}) == ["google-cybersecurity"]


def test_max_cost_and_max_weeks(security_catalog):
    assert slugs({"max_cost": "300", "sort": "cost"}) == ["google-cybersecurity"]
    assert slugs({"max_weeks": "12"}) == ["a-plus"]


def test_certified_funding_occupation_language_state(indexed):
    certified = CredentialFactory(slug="certified", languages=["en", "es"])
    certify(certified)
    funded = CredentialFactory(slug="funded")
    funded.funding_sources.add(FundingSourceFactory(slug="pell-grant", kind="pell"))
    CredentialFactory(slug="local", provider__states_served=["GA"])
    indexed()
    assert slugs({"certified": "true"}) == ["certified"]
    assert slugs({"funding": "pell-grant"}) == ["funded"]
    assert slugs({"language": "es"}) == ["certified"]
    assert "local" in slugs({"state": "GA"}) and "local" not in slugs({"state": "TX"})
    assert slugs({"state": "TX"}) == ["certified", "funded"]  # no states listed = nationwide


def test_occupation_filter(security_catalog):
    assert slugs({"occupation": "15-1212"}) == ["security-plus", "google-cybersecurity"]


def test_sort_by_placement_puts_unreported_last(indexed):
    low, high, _none = (CredentialFactory(slug=s) for s in ("low", "high", "none"))
    OutcomeReportFactory(credential=low, employed_in_field_180_days_pct=40)
    OutcomeReportFactory(credential=high, employed_in_field_180_days_pct=90)
    indexed()
    assert slugs({"sort": "placement"}) == ["high", "low", "none"]


@pytest.mark.parametrize(
    "params",
    [
        {"category": ["bogus"]},
        {"credential_type": "wizard"},
        {"delivery": "teleport"},
        {"max_cost": "cheap"},
        {"max_weeks": "-3"},
        {"certified": "maybe"},
        {"funding": "lottery"},
        {"occupation": "99-9999"},
        {"language": "xx"},
        {"state": "ZZ"},
        {"sort": "random"},
    ],
)
def test_unknown_values_make_the_filterset_invalid(security_catalog, params):
    filterset = credential_search(params=params)
    assert not filterset.is_valid()
    assert set(filterset.errors) == {next(iter(params))}


def test_the_occupation_filter_offers_only_occupations_credentials_lead_to(security_catalog):
    OccupationFactory(soc_code="43-4051", title="Customer Service Representatives")
    filterset = credential_search(params={})
    offered = [code for code, _label in filterset.form.fields["occupation"].choices if code]
    assert offered == ["15-1212", "15-1232"]
    assert not credential_search(params={"occupation": "43-4051"}).is_valid()


def test_choices_read_per_request_survive_schema_generation(indexed):
    """Building the OpenAPI schema reads the filters' fields; it must not freeze their choices."""
    from drf_spectacular.generators import SchemaGenerator

    SchemaGenerator().get_schema(request=None, public=True)
    funded = CredentialFactory(slug="funded-after-schema")
    funded.funding_sources.add(FundingSourceFactory(slug="new-grant", kind="pell"))
    indexed()
    assert slugs({"funding": "new-grant"}) == ["funded-after-schema"]
