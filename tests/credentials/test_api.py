"""The catalog API: same FilterSet as the page, 400 JSON on bad input, compare, schema."""

import pytest
import yaml
from django.core.management import call_command

from .factories import CredentialFactory
from .test_funding import ANSWERS, _catalog

pytestmark = pytest.mark.django_db

API = "/api/v1/credentials/"


def test_list_filters_and_sorts_like_the_page(client, security_catalog):
    data = client.get(API, {"category": "cybersecurity", "sort": "cost"}).json()
    assert data["count"] == 2
    assert [r["slug"] for r in data["results"]] == ["google-cybersecurity", "security-plus"]
    assert data["results"][0]["total_cost_min_usd"] == "294.00"
    assert data["results"][0]["cost_source_date"] == "2026-06"


def test_search_returns_relevance(client, security_catalog):
    data = client.get(API, {"q": "security"}).json()
    assert data["results"][0]["slug"] == "security-plus"
    assert data["results"][0]["relevance"] > 0


@pytest.mark.parametrize("params", [{"category": "bogus"}, {"max_cost": "x"}, {"sort": "best"}])
def test_bad_filter_values_are_a_400_with_the_field_named(client, security_catalog, params):
    response = client.get(API, params)
    assert response.status_code == 400
    assert next(iter(params)) in response.json()


def test_detail_has_cost_items_with_sources(client, security_catalog):
    data = client.get(f"{API}a-plus/").json()
    assert data["cost_items"][0]["source_url"] == "https://example.org/price"
    assert data["cost_items"][0]["count"] == 2
    assert data["index"]["total_cost_min_usd"] == "530.00"
    assert client.get(f"{API}nope/").status_code == 404


def test_compare_returns_columns_in_order_with_assumptions(client, security_catalog):
    data = client.get(f"{API}compare/", {"ids": "security-plus,a-plus"}).json()
    assert [c["credential"]["slug"] for c in data["columns"]] == ["security-plus", "a-plus"]
    assert "payback_months" in data["columns"][0]
    assert "BLS OEWS" in data["payback_assumptions"]


@pytest.mark.parametrize("ids", ["", "a-plus", "a,b,c,d,e", "a-plus,$$$", "a-plus,nope"])
def test_compare_bad_ids_are_a_400_json_error(client, security_catalog, ids):
    response = client.get(f"{API}compare/", {"ids": ids})
    assert response.status_code == 400
    assert response.json()["detail"]
    assert response.json()["code"] == "bad_compare_ids"


@pytest.mark.parametrize("count", [1, 25])
def test_list_query_count_is_constant(client, indexed, django_assert_max_num_queries, count):
    CredentialFactory.create_batch(count)
    indexed()
    with django_assert_max_num_queries(5):
        assert client.get(API, {"q": "credential"}).status_code == 200


def test_schema_documents_the_filters_and_compare(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    schema = yaml.safe_load(out.read_text())
    list_params = {p["name"] for p in schema["paths"]["/api/v1/credentials/"]["get"]["parameters"]}
    assert {"q", "category", "max_cost", "funding", "state", "sort", "page"} <= list_params
    compare = schema["paths"]["/api/v1/credentials/compare/"]["get"]
    compare_params = {p["name"]: p for p in compare["parameters"]}
    assert {"ids", "state", "age", "veteran", "income", "employment", "education"} <= set(
        compare_params
    )
    assert compare_params["veteran"]["schema"]["enum"] == ["no", "yes"]
    assert "400" in compare["responses"]


def test_compare_screens_funding_with_the_answers(client, bootcamp, indexed):
    CredentialFactory(slug="no-price", name="No Price")
    indexed()

    data = client.get(f"{API}compare/", {"ids": "short-bootcamp,no-price", **ANSWERS}).json()

    assert data["screened_with_answers"] is True
    assert "the higher figure is if none pays" in data["funding_assumptions"]
    funding = data["columns"][0]["funding"]
    program = funding["program"]
    assert (program["clock_hours"], program["total_cost_usd"]) == (300, 6250)
    assert program["cost_date"] == "2026-06"
    assert "12 weeks at 25 hours a week" in program["clock_hours_basis"]
    cost_fact = next(f for f in program["facts"] if f["label"] == "Total cost")
    assert cost_fact["value"] == "$6,250" and "2026-06" in cost_fact["source"]
    by_slug = {s["slug"]: s for s in funding["sources"]}
    pell = by_slug["workforce-pell"]
    assert pell["outcome"] == "unknown"  # whether the provider is Title IV is not in our data
    assert pell["reasons_against"] == []
    # Not a veteran: the GI Bill is out, and says why.
    assert by_slug["gi-bill"]["outcome"] == "unlikely"
    assert [r["text"] for r in by_slug["gi-bill"]["reasons_against"]] == ["Only for veterans."]
    employer = by_slug["employer-educational-assistance"]
    assert employer["to_check"]
    # IRC 127's $5,250 was read only in a copy of the law, so it is shown but not counted.
    assert "LexisNexis" in employer["amount_not_counted_why"]
    assert (funding["left_low_usd"], funding["left_high_usd"]) == (6250, 6250)
    # No published price: nothing to take off, and the range is unknown.
    unpriced = data["columns"][1]["funding"]
    assert unpriced["program"]["total_cost_usd"] is None
    assert unpriced["left_low_usd"] is None


def test_compare_without_answers_screens_the_programs_alone(client, bootcamp, indexed):
    CredentialFactory(slug="other")
    indexed()

    data = client.get(f"{API}compare/", {"ids": "short-bootcamp,other"}).json()

    assert data["screened_with_answers"] is False
    funding = data["columns"][0]["funding"]
    by_slug = {s["slug"]: s for s in funding["sources"]}
    # Unanswered person rules are things to check, not refusals; VA approval of the program
    # is not in our data, so the verdict is unknown.
    assert by_slug["gi-bill"]["outcome"] == "unknown"
    assert funding["left_high_usd"] == 6250


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({**ANSWERS, "age": "5"}, "age"),
        ({**ANSWERS, "state": "XX"}, "state"),
        ({**ANSWERS, "veteran": "maybe"}, "veteran"),
        ({**ANSWERS, "income": "<script>"}, "income"),
        ({"state": "VA"}, "education"),  # some answers given: the others are required too
    ],
)
def test_compare_bad_answers_are_a_400_json_error(client, bootcamp, indexed, params, named):
    CredentialFactory(slug="other")
    indexed()

    response = client.get(f"{API}compare/", {"ids": "short-bootcamp,other", **params})

    assert response.status_code == 400
    assert response.json()["code"] == "bad_screener_answers"
    assert f"{named}:" in response.json()["detail"]


@pytest.mark.parametrize("count", [1, 4])
def test_compare_with_funding_query_count_is_constant(
    client, indexed, sources, django_assert_max_num_queries, count
):
    slugs = [c.slug for c in _catalog(count, sources)]
    indexed()
    # Same bound for 1 cost item and report each (in the 2 credentials compare needs at least)
    # and for 4 credentials with 4 each: the index rows, the program facts (4) and the funding
    # sources with their apply steps (2); no occupations are linked here, so none are read.
    # The funding sources' facts are one more query, whatever the count.
    with django_assert_max_num_queries(8):
        response = client.get(f"{API}compare/", {"ids": ",".join(slugs), **ANSWERS})
        assert response.status_code == 200
    assert len(response.json()["columns"]) == len(slugs)
    assert all(len(c["funding"]["sources"]) == len(sources) for c in response.json()["columns"])
