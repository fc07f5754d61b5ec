"""Broad searches: bounded ranking, the prior it uses, and one count per request.

The cap is lowered to 2 here so four rows make a "broad" search; the real one is 1,000.
"""

import pytest
from django.urls import reverse

from credentials import filters, pagination
from credentials.models import ComparisonIndex
from credentials.selectors import credential_search
from tests.pages import page_html

from .factories import (
    CostItemFactory,
    CredentialFactory,
    OutcomeReportFactory,
    certify,
    recognize,
)

pytestmark = pytest.mark.django_db

LIST = reverse("credentials:list")
API = "/api/v1/credentials/"


@pytest.fixture
def small_cap(monkeypatch):
    for module in (filters, pagination):
        monkeypatch.setattr(module, "RESULT_COUNT_CAP", 2)
    monkeypatch.setattr(filters, "RANKED_CANDIDATES", 2)


@pytest.fixture
def cloud_catalog(indexed):
    """Four "cloud" matches: two well documented, two bare."""
    certified = CredentialFactory(name="Zeta Cloud Engineer", slug="zeta-cloud")
    certify(certified)
    with_outcomes = CredentialFactory(
        name="Beta Operations", slug="beta-ops", summary_en="Run cloud servers."
    )
    OutcomeReportFactory(credential=with_outcomes)
    CredentialFactory(name="Alpha Cloud Basics", slug="alpha-cloud")
    CredentialFactory(name="Gamma Cloud Tour", slug="gamma-cloud")
    indexed()


def test_search_prior_counts_certification_recognition_outcomes_and_price(indexed):
    full = CredentialFactory(slug="full")
    certify(full)
    recognize(full, member_slug="acme")
    OutcomeReportFactory(credential=full)
    CostItemFactory(credential=full)
    priced = CostItemFactory().credential
    lapsed = CredentialFactory(slug="lapsed")
    certify(lapsed, status="revoked")
    indexed()
    prior = dict(ComparisonIndex.objects.values_list("slug", "search_prior"))
    assert prior == {"full": 15, priced.slug: 1, "lapsed": 0}


def test_broad_search_ranks_only_its_best_documented_matches(small_cap, cloud_catalog):
    filterset = credential_search(params={"q": "cloud"})
    assert filterset.is_valid()
    results = list(filterset.qs)
    # The two best documented, then by relevance: the name match above the summary match.
    assert [r.slug for r in results] == ["zeta-cloud", "beta-ops"]
    assert results[0].relevance > results[1].relevance
    assert filterset.ranked_partially
    assert filterset.qs.capped_count == 3  # counted up to the cap + 1, once


def test_a_search_within_the_cap_ranks_every_match(small_cap, cloud_catalog):
    filterset = credential_search(params={"q": "cloud", "certified": "false"})
    assert filterset.is_valid()
    assert filterset.qs.capped_count == 3
    assert filterset.ranked_partially
    filterset = credential_search(params={"q": "cloud", "certified": "true"})
    assert filterset.is_valid()
    assert [r.slug for r in filterset.qs] == ["zeta-cloud"]
    assert filterset.qs.capped_count == 1
    assert not filterset.ranked_partially
    filterset = credential_search(params={"q": "gamma"})
    assert filterset.is_valid()
    assert [r.slug for r in filterset.qs] == ["gamma-cloud"]
    assert not filterset.ranked_partially


def test_other_sorts_cover_every_match(small_cap, cloud_catalog):
    filterset = credential_search(params={"q": "cloud", "sort": "name"})
    assert filterset.is_valid()
    assert [r.slug for r in filterset.qs] == [
        "alpha-cloud",
        "beta-ops",
        "gamma-cloud",
        "zeta-cloud",
    ]
    assert not filterset.ranked_partially


def test_page_says_the_count_is_capped_and_how_best_match_ranked(
    client, small_cap, cloud_catalog, django_assert_max_num_queries
):
    # Funding and occupation choices, the match check, one capped count, the page of rows.
    with django_assert_max_num_queries(5):
        response = client.get(LIST, {"q": "cloud"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "More than 2 results" in html
    assert "best-documented" in html
    assert html.index("Zeta Cloud Engineer") < html.index("Beta Operations")
    response = client.get(LIST, {"q": "cloud", "sort": "name"})
    assert "More than 2 results" in response.content.decode()
    assert "best-documented" not in response.content.decode()


def test_api_count_stops_at_the_cap_for_a_broad_search(client, small_cap, cloud_catalog):
    data = client.get(API, {"q": "cloud"}).json()
    assert data["count"] == 2
    assert [r["slug"] for r in data["results"]] == ["zeta-cloud", "beta-ops"]
    assert all(r["relevance"] > 0 for r in data["results"])


def test_a_typo_is_tried_only_when_no_word_matches(small_cap, cloud_catalog):
    # "clod" matches no word, so similar names are tried; "cloud" never goes that way.
    filterset = credential_search(params={"q": "clod"})
    assert filterset.is_valid()
    assert {r.slug for r in filterset.qs} >= {"alpha-cloud"}
    assert filterset.text_search is None
    filterset = credential_search(params={"q": "cloud"})
    assert filterset.is_valid()
    assert "alpha-cloud" not in {r.slug for r in filterset.qs}  # ranked, not a name lookalike
    assert filterset.text_search is not None


def test_words_never_found_together_give_credentials_with_any_of_them(client, cloud_catalog):
    filterset = credential_search(params={"q": "zeta operations"})
    assert filterset.is_valid()
    assert {r.slug for r in filterset.qs} == {"zeta-cloud", "beta-ops"}
    assert filterset.any_word
    html = page_html(client.get(LIST, {"q": "zeta operations"}))
    assert "No credential has all of your words" in html
    filterset = credential_search(params={"q": "zeta cloud"})
    assert filterset.is_valid()
    assert [r.slug for r in filterset.qs] == ["zeta-cloud"]
    assert not filterset.any_word
