"""Occupation page with public data, careers search, /data/."""

import pytest

from tests.pages import page_html

from .publicdata_files import CARRIED

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_data(public_data_module, db):
    """Loaded once for this module (the load takes a minute on a busy machine)."""


def test_occupation_page_shows_onet_wages_projections_and_credit(client, public_data):
    response = client.get("/careers/15-1232/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Provide technical assistance to computer users" in html
    assert "$60,340" in html and "$18.65" in html
    assert "Outlook 2024-2034" in html
    assert "Used under the CC BY 4.0 license" in html
    assert "written by this portal" in html


def test_top_coded_wage_is_explained_not_shown_as_a_number(client, public_data):
    response = client.get("/careers/11-1011/")
    assert response.status_code == 200
    assert "at or above the top of the survey" in page_html(response)


def test_careers_search_forgives_typos(client, public_data):
    response = client.get("/careers/", {"q": "hlep desk"})
    assert response.status_code == 200
    assert "/careers/15-1232/" in page_html(response)


def test_api_occupation_search(client, public_data):
    response = client.get("/api/v1/occupations/", {"q": "pen tester"})
    assert response.status_code == 200
    assert "15-1299.04" in page_html(response)


def test_data_page_lists_every_source(client, public_data):
    response = client.get("/data/")
    assert response.status_code == 200
    html = page_html(response)
    for name in (
        "O*NET Database",
        "Occupational Employment and Wage Statistics",
        "Employment Projections",
        "CIP 2020 to SOC 2018 crosswalk",
        "ZIP Code Tabulation Areas",
    ):
        assert name in html
    assert CARRIED.exists()


def test_matcher_ranks_tech_jobs_with_reasons(client, public_data):
    response = client.get(
        "/careers/match/",
        {
            "tool": ["Microsoft Excel", "Structured query language SQL", "Tableau"],
            "interest_I": "3",
            "interest_C": "3",
            "interest_R": "1",
        },
    )
    assert response.status_code == 200
    html = page_html(response)
    assert "You use Microsoft Excel, Structured query language SQL, Tableau" in html
    assert "/careers/15-2051/" in html  # Data Scientists among the fits


def test_matcher_in_spanish(client, public_data):
    response = client.get("/es/careers/match/", {"interest_I": "3"})
    assert response.status_code == 200
    assert "Trabajos que le quedan" in page_html(response)


def test_search_finds_what_people_type(public_data):
    from pathways.models import Occupation
    from pathways.search import occupation_search

    codes = dict(Occupation.objects.values_list("id", "soc_code"))
    for query, language, expected in [
        ("hlep desk", "en", "15-1232"),
        ("netwrk administrator", "en", "15-1244"),
        ("pen tester", "en", "15-1299.04"),
        ("DBA", "en", "15-1242"),
        ("desarrollador web", "es", "15-1254"),
    ]:
        top = [codes[h.occupation_id] for h in occupation_search(q=query, language=language)[:5]]
        assert expected in top, (query, top)
