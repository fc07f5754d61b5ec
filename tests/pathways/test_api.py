"""The pathways API, checked against the OpenAPI schema where it helps."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from .factories import OccupationFactory, PathwayFactory, PathwayStepFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/occupations/",
        "/api/v1/occupations/{soc_code}/",
        "/api/v1/pathways/",
        "/api/v1/funding-sources/",
        "/api/v1/funding-sources/{slug}/",
        "/api/v1/funding-sources/screen/",
        "/api/v1/plans/",
        "/api/v1/plans/{token}/",
        "/api/v1/plans/{token}/items/",
    ],
)
def test_endpoints_are_documented(schema, path):
    assert path in schema["paths"]


def test_occupation_fields_match_the_schema(client, sample_data, schema):
    body = client.get("/api/v1/occupations/15-1299/").json()
    documented = set(schema["components"]["schemas"]["Occupation"]["properties"])
    assert set(body) == documented
    assert body["job_zone"] is None
    assert body["missing_reasons"]["job_zone"] == "Not published by O*NET for this code"
    assert body["wage_vintage"] == "May 2024"


def test_occupation_filters(client, sample_data):
    codes = [
        o["soc_code"]
        for o in client.get("/api/v1/occupations/", {"field": "it_support"}).json()["results"]
    ]
    assert codes == ["15-1231", "15-1232"]
    codes = [
        o["soc_code"]
        for o in client.get("/api/v1/occupations/", {"sort": "-wage"}).json()["results"]
    ]
    assert codes[0] == "15-1221"


def test_bad_filter_is_a_400(client, sample_data):
    response = client.get("/api/v1/occupations/", {"min_wage": "lots"})
    assert response.status_code == 400
    assert "min_wage" in response.json()


def test_pathways_filter_by_occupation_and_level(client, sample_data):
    body = client.get(
        "/api/v1/pathways/", {"occupation": "15-1212", "education_level": "high_school"}
    ).json()
    assert body["count"] == 1
    steps = body["results"][0]["steps"]
    assert [s["order"] for s in steps] == sorted(s["order"] for s in steps)
    assert body["results"][0]["is_sample"] is True


def test_funding_source_detail(client, sample_data):
    response = client.get("/api/v1/funding-sources/workforce-pell/")
    assert response.status_code == 200
    facts = {f["key"]: f for f in response.json()["facts"]}
    assert (facts["min_clock_hours"]["value"], facts["max_clock_hours"]["value"]) == (
        "150.00",
        "599.00",
    )
    assert facts["weeks_less_than"]["source_url"].startswith(
        "https://www.ecfr.gov/current/title-34/"
    )
    assert facts["max_award"]["confidence"] == ""  # not confirmed, and says so


def test_screen_endpoint_with_a_program(client, sample_data):
    body = client.get(
        "/api/v1/funding-sources/screen/",
        {"veteran": "false", "employment": "employed", "total_cost_usd": 6000, "weeks": 20},
    ).json()
    by_slug = {m["slug"]: m for m in body}
    employer = by_slug["employer-educational-assistance"]
    assert (employer["covers_up_to_usd"], employer["cost_left_usd"]) == (None, None)
    assert "LexisNexis" in employer["amount_not_counted_why"]
    assert by_slug["workforce-pell"]["outcome"] == "unlikely"
    assert by_slug["workforce-pell"]["reasons_against"][0]["text"] == (
        "The program lasts 20 weeks; it needs 8 to under 15."
    )


def test_screen_endpoint_tells_a_title_iv_school_from_a_listed_program(client, sample_data):
    def pell(**program):
        body = client.get("/api/v1/funding-sources/screen/", {"income": "low", **program}).json()
        return {m["slug"]: m for m in body}["pell-grant"]

    school_only = pell(title_iv="true")
    listed = pell(title_iv="true", title_iv_program="true")

    assert any("financial aid office" in r["text"] for r in school_only["to_check"])
    assert not any("financial aid office" in r["text"] for r in listed["to_check"])
    assert "The program itself is listed for federal student aid." in [
        r["text"] for r in listed["reasons_for"]
    ]


@pytest.mark.parametrize("bad", [{"age": 300}, {"state": "XX"}, {"completion_rate": 101}])
def test_screen_bad_input_is_a_400(client, sample_data, bad):
    response = client.get("/api/v1/funding-sources/screen/", bad)
    assert response.status_code == 400
    assert next(iter(bad)) in response.json()


def test_list_query_counts_are_constant(client, django_assert_max_num_queries):
    pathway = PathwayFactory()
    PathwayStepFactory(pathway=pathway)
    for url in ("/api/v1/occupations/", "/api/v1/pathways/", "/api/v1/funding-sources/"):
        with django_assert_max_num_queries(4):
            assert client.get(url).status_code == 200
    for level in ("no_diploma", "some_college", "associate"):
        PathwayStepFactory.create_batch(
            3, pathway=PathwayFactory(education_level=level, occupation=OccupationFactory())
        )
    for url in ("/api/v1/occupations/", "/api/v1/pathways/", "/api/v1/funding-sources/"):
        with django_assert_max_num_queries(4):
            assert client.get(url).status_code == 200


def test_pathway_steps_carry_the_catalogs_credentials(client, sample_data, fake_step_credentials):
    body = client.get(
        "/api/v1/pathways/", {"occupation": "15-1232", "education_level": "high_school"}
    ).json()
    training, job = body["results"][0]["steps"]
    assert [c["certified"] for c in training["credentials"]] == [True, False]
    assert set(training["credentials"][0]) == {"slug", "name", "url", "certified", "total_cost_usd"}
    assert job["credentials"] == []


@pytest.mark.parametrize("param", ["education", "credential_type", "age", "state"])
def test_screen_endpoint_refuses_an_empty_parameter_instead_of_ignoring_it(client, db, param):
    # DRF reads `?education=` as left out; the schema lists the values it takes, so the contract
    # fuzzer counted the 200 as a schema-violating request accepted.
    response = client.get("/api/v1/funding-sources/screen/", {param: ""})
    assert response.status_code == 400
    assert response.json()[param] == ["Give a value, or leave the parameter out."]
    assert response.json()["code"] == "ambiguous_parameter"  # as the list filters say it
    assert client.get("/api/v1/funding-sources/screen/", {}).status_code == 200
