"""Career pages and the funding screener through the HTTP client."""

import pytest
from django.urls import reverse

from pathways import extensions
from tests.pages import page_html, plain_summary_official

from .factories import OccupationFactory, PathwayFactory, PathwayStepFactory

pytestmark = pytest.mark.django_db


def test_career_list_groups_by_field(client, sample_data):
    response = client.get("/careers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cybersecurity" in html and "Information Security Analysts" in html
    assert html.count("<h1") == 1


def test_career_list_filters(client, sample_data):
    html = client.get("/careers/", {"education": "associate"}).content.decode()
    assert "Computer Network Support Specialists" in html  # associate's degree
    assert "Computer User Support Specialists" in html  # some college
    assert "Software Developers" not in html  # bachelor's
    html = client.get("/careers/", {"min_wage": 130000}).content.decode()
    assert "Software Developers" in html and "Web Developers" not in html
    html = client.get("/careers/", {"min_growth": 20}).content.decode()
    assert "Data Scientists" in html and "Computer Programmers" not in html
    html = client.get("/careers/", {"q": "hackers"}).content.decode()
    assert "Information Security Analysts" in html and "Data Scientists" not in html


def test_bright_outlook_filter(client, sample_data):
    html = client.get("/careers/", {"bright_outlook": "true"}).content.decode()
    assert "11 jobs" in html and "Computer Programmers" not in html


def test_compare_from_checkboxes(client, sample_data):
    response = client.get("/careers/compare/?codes=15-1212&codes=15-2051")
    assert response.status_code == 200
    assert "Data Scientists" in response.content.decode()


def test_career_list_spanish_search(client, sample_data):
    html = client.get("/es/careers/", {"q": "datos"}).content.decode()
    assert "Científicos de datos" in html


def test_career_list_bad_filter_shows_a_message(client, sample_data):
    response = client.get("/careers/", {"min_wage": "lots"})
    assert response.status_code == 200
    assert "Please fix the filters" in response.content.decode()


def test_career_list_htmx_returns_the_partial(client, sample_data):
    response = client.get("/careers/", {"field": "data"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "Data Scientists" in html


def test_career_list_query_count_is_constant(client, django_assert_max_num_queries):
    OccupationFactory()
    with django_assert_max_num_queries(3):
        client.get("/careers/")
    OccupationFactory.create_batch(20)
    with django_assert_max_num_queries(3):
        client.get("/careers/")


def test_career_detail_shows_figures_with_source_and_vintage(client, sample_data):
    html = client.get("/careers/15-1212/").content.decode()
    assert "$124,910" in html and "May 2024" in html
    assert "https://www.bls.gov/oes/special-requests/oesm24nat.zip" in html
    assert "O*NET 29.3" in html


def test_career_detail_explains_an_empty_figure(client, sample_data):
    html = client.get("/careers/15-1299/").content.decode()
    assert "Not published by O*NET for this code" in html


def test_career_detail_timeline_for_a_level(client, sample_data, fake_step_credentials):
    html = client.get("/careers/15-1212/", {"level": "no_diploma"}).content.decode()
    assert '<ol class="usa-process-list pathway-timeline"' in html
    assert "Earn a high-school equivalency" in html
    assert "sample" in html
    assert "Certified credential for step 2" in html


def test_career_detail_unknown_level_says_so(client, sample_data):
    html = client.get("/careers/15-1212/", {"level": "phd"}).content.decode()
    assert "There is no pathway for that starting point" in html


def test_unknown_soc_is_a_helpful_404(client, sample_data):
    response = client.get("/careers/15-9999/")
    assert response.status_code == 404
    assert "No tech occupation with SOC code 15-9999" in response.content.decode()


def test_occupation_panels_render(client, sample_data):
    extensions.register_occupation_panel(
        key="test",
        order=1,
        render=lambda request, occ: f"<section><h2>Panel for {occ.soc_code}</h2></section>",
    )
    try:
        response = client.get("/careers/15-1212/")
    finally:
        extensions.occupation_panels._panels.pop("test")
    assert response.status_code == 200
    assert "Panel for 15-1212" in response.content.decode()


def test_career_detail_query_count_is_constant(client, django_assert_num_queries):
    occupation = OccupationFactory()
    pathway = PathwayFactory(occupation=occupation)
    PathwayStepFactory(pathway=pathway)
    # occupation, its skills, pathways, their steps; 3 public-data reads (other titles, wages,
    # projection); the credentials panel (comparison index); the programs panel's CIP codes for
    # the SOC code (none here, so no program read); the hiring-standards panel; its video = 11.
    # An occupation without O*NET data skips the 4 O*NET reads.
    with django_assert_num_queries(11):
        client.get(f"/careers/{occupation.soc_code}/")
    for level in ("no_diploma", "some_college", "associate", "bachelor"):
        PathwayStepFactory.create_batch(
            4, pathway=PathwayFactory(occupation=occupation, education_level=level)
        )
    PathwayStepFactory.create_batch(5, pathway=pathway)
    with django_assert_num_queries(11):
        client.get(f"/careers/{occupation.soc_code}/")


def test_compare_side_by_side(client, sample_data):
    response = client.get("/careers/compare/", {"codes": "15-1212,15-1232,15-2051"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<caption id="compare-caption">' in html
    assert html.index("Information Security Analysts") < html.index(
        "Computer User Support Specialists"
    )


@pytest.mark.parametrize(
    "codes", ["15-1212", "15-1212,15-1232,15-2051,15-1252", "15-1212,bogus", "15-1212,15-9999"]
)
def test_compare_bad_input_is_explained(client, sample_data, codes):
    response = client.get("/careers/compare/", {"codes": codes})
    assert response.status_code == 400
    assert "usa-alert--error" in response.content.decode()


def test_funding_page_lists_every_source_with_its_source(client, sample_data):
    response = client.get("/funding/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "VET TEC" in html and "Closed to new applicants" in html
    assert "Tax-free up to $5,250 per employee in calendar year 2026" in html
    assert "https://fsapartners.ed.gov/knowledge-center/library/dear-colleague-letters/" in html
    assert "read 2026-12-01" in html
    assert "Not confirmed: not used in any amount." in html


def test_screener_answers_show_why(client, sample_data):
    response = client.get(
        reverse("pathways:funding"),
        {
            "state": "VA",
            "age": 30,
            "veteran": "no",
            "income": "low",
            "employment": "dislocated",
            "education": "high_school",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dislocated workers can qualify." in html
    assert "Only for veterans." in html


@pytest.mark.parametrize("bad", [{"age": 300}, {"age": 5}, {"state": "ZZ"}, {"income": "rich"}])
def test_screener_out_of_range_answers_are_form_errors(client, sample_data, bad):
    answers = {
        "state": "VA",
        "age": 30,
        "veteran": "no",
        "income": "low",
        "employment": "employed",
        "education": "high_school",
        **bad,
    }
    response = client.get("/funding/", answers)
    assert response.status_code == 400
    assert "usa-error-message" in response.content.decode()


def test_funding_page_query_count(client, sample_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(
            "/funding/",
            {
                "state": "VA",
                "age": 30,
                "veteran": "no",
                "income": "low",
                "employment": "employed",
                "education": "high_school",
            },
        )


def test_screener_takes_the_state_from_a_zip_and_lists_its_sources_first(client, sample_data):
    from pathways.publicdata.models import Zcta

    Zcta.objects.create(code="07102", latitude=40.7357, longitude=-74.1724, county_fips="34013")
    answers = {"zip": "07102", "age": 30, "veteran": "no", "income": "low",
               "employment": "unemployed", "education": "high_school"}  # fmt: skip

    response = client.get(reverse("pathways:funding"), answers)

    assert response.status_code == 200
    html = response.content.decode()
    assert "You live in NJ." in html
    # New Jersey's own source comes before the national one, in the verdicts and the list.
    assert html.index("New Jersey WIOA training grant") < html.index(
        "WIOA Individual Training Account (ITA)"
    )


def test_screener_unknown_zip_says_what_to_do(client, sample_data):
    response = client.get(reverse("pathways:funding"), {"zip": "00000", "age": 30})

    assert response.status_code == 400
    assert "We do not know this ZIP code: choose your state instead." in response.content.decode()


def test_career_detail_shows_our_plain_words_and_onets_text_beneath(client, db):
    OccupationFactory(
        soc_code="15-1232", title="Computer User Support Specialists",
        description_en="They help people when their computers or apps stop working right.",
        onet_description="Provide technical assistance to computer users.",
        onet_vintage="O*NET 30.1",
    )  # fmt: skip
    response = client.get("/careers/15-1232/")
    official = plain_summary_official(
        response, "They help people when their computers or apps stop working right."
    )
    assert "Provide technical assistance to computer users." in official
    assert "From: O*NET 30.1" in official


def test_career_detail_without_plain_words_shows_onets_text_as_onets(client, db):
    OccupationFactory(soc_code="29-1141", description_en="", onet_description="Assess patients.",
                      onet_vintage="O*NET 30.1")  # fmt: skip
    response = client.get("/careers/29-1141/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Assess patients." in html and "From: O*NET 30.1" in html
    assert "Written by the portal team in plain words." not in html
