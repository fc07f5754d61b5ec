"""Programs screened by the funding rules from their own facts (real NJ ETPL file)."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from credentials.funding import program_facts, program_funding_screen, programs_for_screen
from credentials.models import Program
from tests.pathways.publicdata_files import public_file

pytestmark = pytest.mark.django_db

NJ_PERSON = {
    "state": "NJ",
    "age": 30,
    "veteran": False,
    "income": "low",
    "employment": "unemployed",
    "education": "high_school",
}


# The same answers as the screener form sends them.
NJ_QUERY = {**NJ_PERSON, "veteran": "no"}


@pytest.fixture(autouse=True)
def _read_day(monkeypatch):
    from pathways import screener

    monkeypatch.setattr(screener, "screening_day", lambda: dt.date(2026, 12, 1))


@pytest.fixture
def nj_programs(sources):
    call_command("load_etpl", str(public_file("nj_etpl/standardized_etpl_20230428_seed.csv")),
                 "--state", "NJ")  # fmt: skip
    return Program.objects.filter(source="etpl", source_state="NJ")


def _screen(program, answers):
    return {m.source.slug: m for m in program_funding_screen(program_id=program.pk,
                                                             answers=answers).matches}  # fmt: skip


def test_an_nj_etpl_program_is_eligible_for_wioa_through_the_job_center(nj_programs):
    web = nj_programs.get(external_id="45591")  # Web Development, 530 hours, 6 to 12 months

    matches = _screen(web, NJ_PERSON)

    for slug in ("nj-wioa-ita", "wioa-ita"):
        assert matches[slug].outcome == "likely"
        assert matches[slug].decided_by.text == (
            "On NJ's Eligible Training Provider List: eligible for WIOA training funds, "
            "through your local American Job Center."
        )
        assert matches[slug].decided_by.source.endswith("NJ, file of 2023-04-28")


def test_workforce_pell_reads_the_programs_real_hours_and_length_band(nj_programs):
    web = nj_programs.get(external_id="45591")

    workforce = _screen(web, NJ_PERSON)["workforce-pell"]

    assert workforce.outcome == "unlikely"
    assert workforce.decided_by.text == "The program lasts 26 to 56 weeks; it needs 8 to under 15."
    assert "The program has 530 clock hours; it needs 150 to 599." in [
        r.text for r in workforce.reasons_for
    ]


def test_a_scorecard_school_is_a_title_iv_school_for_pell(nj_programs):
    web = nj_programs.get(external_id="45591")
    Program.objects.create(
        source="scorecard", external_id="x-1107-1", source_date=dt.date(2019, 6, 1),
        name="Computer Science", provider=web.provider, cip_code="11.07",
    )  # fmt: skip

    program = programs_for_screen().get(pk=web.pk)
    facts = program_facts(program=program)
    pell = _screen(web, NJ_PERSON)["pell-grant"]

    assert facts.title_iv is True
    assert pell.outcome == "possible"  # the FAFSA decides
    assert "College Scorecard" in pell.reasons_for[-1].source


def test_without_scorecard_data_pell_is_unknown_not_maybe(nj_programs):
    pell = _screen(nj_programs.get(external_id="45591"), NJ_PERSON)["pell-grant"]
    assert pell.outcome == "unknown"


def test_program_page_shows_verdicts_range_and_sources(client, nj_programs):
    web = nj_programs.get(external_id="45591")

    response = client.get(reverse("programs:detail", args=[web.pk]), NJ_QUERY)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Can I pay for this?" in html
    assert "On NJ&#x27;s Eligible Training Provider List" in html
    assert "$4,700: the full price" in html
    assert "No amount is confirmed" not in html
    assert "Not counted, because no amount is confirmed" in html


def test_program_page_htmx_gets_only_the_results(client, nj_programs):
    web = nj_programs.get(external_id="45591")

    response = client.get(
        reverse("programs:detail", args=[web.pk]),
        NJ_QUERY,
        headers={"HX-Request": "true", "HX-Target": "funding-results"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" not in html and "Low income gives you priority." in html


def test_compare_screens_a_program_beside_a_credential(client, nj_programs, bootcamp):
    web = nj_programs.get(external_id="45591")

    response = client.get(
        reverse("credentials:compare"), {"ids": f"short-bootcamp,program-{web.pk}", **NJ_QUERY}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "New Jersey WIOA training grant (ETPL programs) (amount not confirmed)" in html


def test_funding_screener_takes_a_program(client, nj_programs):
    web = nj_programs.get(external_id="45591")

    response = client.get(reverse("pathways:funding"), {"credential": f"program-{web.pk}"})

    assert response.status_code == 200
    assert f"Screening for {web.name}" in response.content.decode()
