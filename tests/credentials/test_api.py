"""The catalog API: same FilterSet as the page, 400 JSON on bad input, compare, schema."""

import pytest
import yaml
from django.core.management import call_command

from .factories import CredentialFactory

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
    assert "/api/v1/credentials/compare/" in schema["paths"]
