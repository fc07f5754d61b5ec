"""/programs/, /programs/<id>/, /api/v1/programs/ and programs in compare."""

from datetime import date
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerportal.public_cache import catalog_changed
from credentials.models import Program, Provider
from credentials.programs.services import program_search_refresh, search_text_build
from pathways.publicdata.models import Zcta
from tests.pages import page_html

pytestmark = pytest.mark.django_db

NEWARK = (40.7357, -74.1724)
HACKENSACK = (40.8859, -74.0435)
TRENTON = (40.2171, -74.7429)


def _program(name, *, point, zip_code, cost, **extra):
    provider, _ = Provider.objects.get_or_create(
        slug="school", defaults={"name": "A School", "kind": "community_college"}
    )
    program = Program.objects.create(
        source="etpl",
        source_state="NJ",
        external_id=str(Program.objects.count() + 1),
        source_date=date(2023, 4, 28),
        name=name,
        provider=provider,
        cip_code="11.1003",
        zip_code=zip_code,
        city="Newark",
        state="NJ",
        latitude=point[0],
        longitude=point[1],
        total_cost_usd=cost,
        wioa_eligible=True,
        search_text=search_text_build(name),
        **extra,
    )
    program_search_refresh()
    return program


@pytest.fixture
def newark(db):
    Zcta.objects.create(code="07102", latitude=NEWARK[0], longitude=NEWARK[1])
    near = _program("CompTIA Security+ Bootcamp", point=NEWARK, zip_code="07102", cost=4000,
                    employment_rate_pct=70, has_outcomes=True, evening_courses=True)  # fmt: skip
    middle = _program("Network Support", point=HACKENSACK, zip_code="07601", cost=3000)
    far = _program("Cybersecurity Analyst", point=TRENTON, zip_code="08608", cost=2000)
    return near, middle, far


def test_zip_and_distance_keep_near_programs_nearest_first(client, newark):
    near, middle, _far = newark
    response = client.get("/programs/", {"zip": "07102", "within": "25", "sort": "distance"})
    assert response.status_code == 200
    names = [p.name for p in response.context["page"].object_list]
    assert names == [near.name, middle.name]  # Trenton is about 48 miles away
    assert response.context["page"].object_list[1].distance_miles == pytest.approx(12.6, abs=0.3)
    assert client.session["program_zip"] == "07102"


def test_filters_combine_with_place(client, newark):
    response = client.get(
        "/programs/", {"zip": "07102", "within": "50", "schedule": "evening", "outcomes": "true"}
    )
    assert response.status_code == 200
    assert [p.name for p in response.context["page"].object_list] == ["CompTIA Security+ Bootcamp"]


def test_typos_find_look_alike_names(client, newark):
    response = client.get("/programs/", {"q": "securty plus", "zip": ""})
    assert response.status_code == 200
    assert response.context["filterset"].lookalike
    assert response.context["filterset"].corrected_text == "security plus"
    assert "Showing programs with “security plus”" in page_html(response)
    first = response.context["page"].object_list[0]
    assert first.name == "CompTIA Security+ Bootcamp"


def test_words_no_program_uses_find_nothing_and_are_not_corrected(client, newark):
    response = client.get("/programs/", {"q": "qqqqqq", "zip": ""})
    assert response.status_code == 200
    assert not response.context["filterset"].lookalike
    assert response.context["page"].paginator.count == 0


def test_an_unknown_zip_says_so_and_finds_nothing(client, newark):
    response = client.get("/programs/", {"zip": "00000"})
    assert response.status_code == 200
    assert response.context["filterset"].zip_unknown
    assert response.context["page"].paginator.count == 0


def test_a_bad_zip_is_a_400_naming_the_field(client, newark):
    response = client.get("/programs/", {"zip": "7102x"})
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/programs/", "/api/v1/programs/"])
def test_a_bad_cip_code_is_a_400_naming_the_field_not_a_server_error(client, newark, path):
    # Found by the API contract fuzzer: the filter method raised, which was a 500.
    response = client.get(path, {"cip": "session"})
    assert response.status_code == 400
    assert "A CIP code looks like 11, 11.01 or 11.0101." in response.content.decode()
    assert client.get(path, {"cip": "11.01"}).status_code == 200


def test_sort_by_cost(client, newark):
    response = client.get("/programs/", {"sort": "cost", "zip": ""})
    assert response.status_code == 200
    assert [p.total_cost_usd for p in response.context["page"].object_list] == [2000, 3000, 4000]


def test_search_query_count_does_not_grow_with_rows(client, newark):
    params = {"zip": "07102", "within": "100", "wioa": "true", "max_cost": "5000"}
    assert client.get("/programs/", params).status_code == 200  # the ZIP is kept in the session
    catalog_changed()  # computed again, not read from the public cache
    with CaptureQueriesContext(connection) as few:
        response = client.get("/programs/", params)
    assert response.status_code == 200
    for number in range(30):
        _program(f"Extra {number}", point=NEWARK, zip_code="07102", cost=100 + number)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/programs/", params)
    assert response.status_code == 200
    # session read (the same ZIP is not written again), ZCTA lookup, count, the page's ids, its
    # rows, and their providers
    assert len(few) == len(many) == 6
    with CaptureQueriesContext(connection) as again:
        assert client.get("/programs/", params).status_code == 200
    assert len(again) == 1  # the session read; the results come from the cache


def test_a_new_zip_is_kept_and_an_empty_one_forgotten(client, newark):
    assert client.get("/programs/", {"zip": "07102"}).status_code == 200
    assert client.session["program_zip"] == "07102"
    assert client.get("/programs/").context["filterset"].form.cleaned_data["zip"] == "07102"
    assert client.get("/programs/", {"zip": ""}).status_code == 200
    assert "program_zip" not in client.session


def test_program_page_shows_costs_and_withheld_outcomes(client, newark):
    near = newark[0]
    near.withheld = ["wage_q2_usd"]
    near.save()
    response = client.get(f"/programs/{near.pk}/")
    assert response.status_code == 200
    assert "withheld by the state" in page_html(response)
    assert b"$4,000" in response.content


def test_an_unknown_program_is_404(client, db):
    response = client.get("/programs/999999/")
    assert response.status_code == 404


def test_api_takes_the_same_filters(client, newark):
    response = client.get("/api/v1/programs/", {"zip": "07102", "within": "5"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["distance_miles"] == pytest.approx(0, abs=0.01)


def test_compare_takes_programs_beside_credentials(client, newark, security_catalog):
    near, middle, _ = newark
    response = client.get(
        "/credentials/compare/", {"ids": f"security-plus,{near.compare_id},{middle.compare_id}"}
    )
    assert response.status_code == 200
    assert b"CompTIA Security+ Bootcamp" in response.content
    assert b"70% employed 2 quarters after finishing" in response.content
    csv_response = client.get(
        "/credentials/compare/", {"ids": f"security-plus,{near.compare_id}", "format": "csv"}
    )
    assert csv_response.status_code == 200
    assert b"$4,000 (2023-04-28)" in csv_response.content


def test_compare_names_a_missing_program(client, newark, security_catalog):
    response = client.get("/credentials/compare/", {"ids": "security-plus,program-999999"})
    assert response.status_code == 400
    assert b"program-999999" in response.content


def test_detail_page_composes_a_plain_summary_and_keeps_the_official_text(client, db):
    program = _program(
        "Help Desk Technician", point=NEWARK, zip_code="07102", cost=3995, clock_hours=300,
        calendar_length=6, evening_courses=True, credential_earned="CompTIA A+",
        description="Students acquire competencies in hardware troubleshooting methodologies.",
    )  # fmt: skip
    response = client.get(f"/programs/{program.pk}/")
    assert response.status_code == 200
    html = unescape(page_html(response))
    assert (
        "It is on the state's list of training programs that WIOA can pay for. At the end, you "
        "earn this: CompTIA A+. Classes meet in Newark, NJ. It takes 3 to 5 months. It has 300 "
        "hours of class. Some classes are in the evening. The list gives a total cost of $3,995."
    ) in html
    assert "Put together by the portal team in plain words, from the facts on this page." in html
    assert "<summary>Official description</summary>" in html
    assert "Students acquire competencies in hardware troubleshooting methodologies." in html


def test_detail_page_in_spanish_composes_the_summary_in_spanish(client, db):
    program = _program("Soporte", point=NEWARK, zip_code="07102", cost=0, online=True)
    response = client.get(f"/es/programs/{program.pk}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Lo puede tomar en línea." in html and "La lista dice que no cuesta nada." in html
    assert "Official description" not in html and "Descripción oficial" not in html
