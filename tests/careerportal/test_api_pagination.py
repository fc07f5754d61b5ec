"""API reading rules: cursor walks for bulk reads, strict pages and parameters, text as text."""

import pytest
import yaml
from django.core.management import call_command

from credentials.services import comparison_index_refresh
from tests.credentials.factories import CredentialFactory, OccupationFactory
from tests.credentials.test_program_views import NEWARK, _program

pytestmark = pytest.mark.django_db


def _walk(client, url, params):
    """Follow `next` from the first cursor page; return every row and the number of pages."""
    rows, pages = [], 0
    response = client.get(url, {**params, "cursor": ""})
    while True:
        assert response.status_code == 200
        data = response.json()
        assert data["previous"] is None
        rows += data["results"]
        pages += 1
        if data["next"] is None:
            return rows, pages
        response = client.get(data["next"])


def test_a_credential_walk_returns_every_match_once_in_record_order(client):
    credentials = CredentialFactory.create_batch(7, category="cybersecurity")
    CredentialFactory(category="networking")
    comparison_index_refresh()

    rows, pages = _walk(
        client, "/api/v1/credentials/", {"category": "cybersecurity", "page_size": 3}
    )

    assert [r["slug"] for r in rows] == [c.slug for c in sorted(credentials, key=lambda c: c.pk)]
    assert pages == 3


def test_a_credential_walk_with_words_covers_matches_past_the_ranked_cap(client, monkeypatch):
    monkeypatch.setattr("credentials.filters.RANKED_CANDIDATES", 2)
    CredentialFactory.create_batch(5, name="Cloud Practitioner")
    comparison_index_refresh()

    ranked = client.get("/api/v1/credentials/", {"q": "cloud"}).json()
    rows, _pages = _walk(client, "/api/v1/credentials/", {"q": "cloud", "page_size": 2})

    assert ranked["count"] == 5 and len(ranked["results"]) == 2  # a search page ranks 2 only
    assert len({r["slug"] for r in rows}) == 5


def test_a_program_walk_returns_every_program(client):
    programs = [
        _program(f"Program {i}", point=NEWARK, zip_code="07102", cost=100) for i in range(5)
    ]

    rows, pages = _walk(client, "/api/v1/programs/", {"page_size": 2})

    assert [r["id"] for r in rows] == [p.pk for p in programs]
    assert pages == 3


def test_an_occupation_walk_returns_every_occupation(client):
    occupations = [OccupationFactory(soc_code=f"15-12{i:02d}") for i in range(4)]

    rows, pages = _walk(client, "/api/v1/occupations/", {"page_size": 3})

    assert [r["soc_code"] for r in rows] == [o.soc_code for o in occupations]
    assert pages == 2


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"cursor": "abc"}, "cursor"),
        ({"cursor": "", "sort": "cost"}, "sort"),
        ({"cursor": "", "page": "2"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "501"}, "page_size"),
        ({"cursor": "", "page_size": "x"}, "page_size"),
    ],
)
def test_bad_cursor_requests_are_a_400_naming_the_parameter(client, params, field):
    response = client.get("/api/v1/credentials/", params)

    assert response.status_code == 400
    assert field in response.json()
    assert response.json()["code"]


@pytest.mark.parametrize("count", [1, 30])
def test_a_cursor_page_costs_the_same_queries_on_one_row_and_many(
    client, django_assert_num_queries, count
):
    CredentialFactory.create_batch(count)
    comparison_index_refresh()
    # 1 funding choices, 2 occupation choices (the FilterSet), 3 the capped count, 4 the page.
    with django_assert_num_queries(4):
        response = client.get("/api/v1/credentials/", {"cursor": "", "page_size": 50})
    assert response.status_code == 200
    assert len(response.json()["results"]) == count


def test_the_schema_documents_cursor_and_page_size_on_bulk_lists(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    schema = yaml.safe_load(out.read_text())
    for path in ("/api/v1/credentials/", "/api/v1/programs/", "/api/v1/occupations/"):
        params = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert params["cursor"]["schema"]["pattern"] == "^[0-9]{0,18}$", path
        assert params["page_size"]["schema"]["maximum"] == 500, path


@pytest.mark.parametrize("page", ["", "last", "0", "x", "²"])
def test_a_page_that_is_not_a_whole_number_from_1_is_a_400_on_every_list(client, page):
    for url in ("/api/v1/credentials/", "/api/v1/pathways/", "/api/v1/funding-sources/"):
        response = client.get(url, {"page": page})

        assert response.status_code == 400, url
        assert response.json()["code"] == "bad_page"


@pytest.mark.parametrize(
    "query",
    ["kind=", "kind=nonprofit&kind=employer"],
)
def test_a_filter_given_empty_or_twice_is_a_400_not_everything(client, query):
    response = client.get(f"/api/v1/alliance/members/?{query}")

    assert response.status_code == 400
    assert response.json()["code"] == "ambiguous_parameter"
    assert "kind" in response.json()


def test_free_text_may_be_empty_and_multiple_choices_may_repeat(client):
    assert client.get("/api/v1/credentials/?q=").status_code == 200
    both = client.get("/api/v1/credentials/?category=cybersecurity&category=networking")
    assert both.status_code == 200


def test_a_number_where_text_is_asked_is_a_400_not_text(client):
    response = client.post("/api/v1/plans/", {"title": 2.5e16}, content_type="application/json")
    text = client.post("/api/v1/plans/", {"title": "Ana's plan"}, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "not_text" and "title" in response.json()
    assert text.status_code == 201


def test_text_longer_than_its_max_length_is_a_400_even_when_the_extra_is_spaces(client):
    """The schema's maxLength counts what is sent; DRF trims spaces and line ends before its own
    check, so a too-long text of spaces (found by the contract fuzzer) was accepted."""
    padded = " " * 3 + "*" * 4999  # 5,002 characters; 4,999 once trimmed
    blank = "\r\n" * 2501  # 5,002 characters of line ends; empty once trimmed
    for body in ({"notes": padded}, {"notes": blank}, {"title": " " * 121}):
        response = client.post("/api/v1/plans/", body, content_type="application/json")
        assert response.status_code == 400, body
        assert response.json()["code"] == "max_length"
    fits = client.post(
        "/api/v1/plans/", {"notes": " " + "*" * 4999}, content_type="application/json"
    )
    assert fits.status_code == 201 and fits.json()["notes"] == "*" * 4999


def test_request_bodies_are_json_and_a_form_body_is_a_415(client):
    # A form body reads `language=` as left out, so a value the schema refuses was accepted.
    form = client.post(
        "/api/v1/plans/",
        "title=x&language=",
        content_type="application/x-www-form-urlencoded",
    )
    assert form.status_code == 415 and form.json()["code"] == "unsupported_media_type"
    blank = client.post(
        "/api/v1/plans/", {"title": "x", "language": ""}, content_type="application/json"
    )
    assert blank.status_code == 400 and "language" in blank.json()
