"""What may pay for a credential: the catalog's program facts run through pathways' screener."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from credentials.funding import (
    credential_facts_queryset,
    credential_program_facts,
    credentials_funding_screen,
    credentials_program_facts,
)

from .factories import CostItemFactory, CredentialFactory, OutcomeReportFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "state": "VA",
    "age": "30",
    "veteran": "no",
    "income": "low",
    "employment": "employed",
    "education": "high_school",
}


@pytest.fixture(autouse=True)
def _read_day(monkeypatch):
    """Screen on the day the shipped facts were read (2026 figures in effect)."""
    import datetime as dt

    from pathways import screener

    monkeypatch.setattr(screener, "screening_day", lambda: dt.date(2026, 12, 1))


def _facts(slug):
    return credential_program_facts(credential=credential_facts_queryset().get(slug=slug))


def test_program_facts_come_from_the_catalog(bootcamp):
    facts = _facts("short-bootcamp")

    assert facts.clock_hours == 300  # 12 weeks x 25 hours
    assert "12 weeks at 25 hours a week" in facts.clock_hours_basis
    assert facts.weeks == Decimal("12")
    assert facts.total_cost_usd == 6250
    assert facts.cost_date == "2026-06"
    assert facts.credential_type == "bootcamp_certificate"
    # The newest real report: 82 % finished within 150 % of the length, 75 % placed (CIRR).
    assert (facts.completion_rate, facts.placement_rate) == (Decimal("82"), Decimal("75"))
    assert "2025 H1" in facts.outcome_basis
    assert facts.on_etpl is None
    assert facts.listed_funding == ["workforce-pell"]


def test_program_facts_prefer_published_hours_and_real_reports(indexed):
    credential = CredentialFactory(
        slug="self-paced", duration_weeks=10, hours_per_week=5, total_hours=180
    )
    OutcomeReportFactory(credential=credential, employed_in_field_180_days_pct=Decimal("50"))
    OutcomeReportFactory(
        credential=credential,
        employed_in_field_180_days_pct=None,
        reported_employment_pct=Decimal("98"),
        period="2024",
    )
    OutcomeReportFactory(
        credential=credential, employed_in_field_180_days_pct=Decimal("99"), is_synthetic=True
    )
    indexed()

    facts = _facts("self-paced")

    assert facts.clock_hours == 180
    # Newest real report wins over a newer synthetic one; its figure is the provider's own.
    assert facts.placement_rate == Decimal("98")
    assert "own terms" in facts.outcome_basis
    assert facts.completion_rate is None
    assert not facts.outcome_is_synthetic


def test_program_facts_without_price_or_length_say_so(indexed):
    CredentialFactory(slug="bare", price_model="employer_paid")
    indexed()

    facts = _facts("bare")

    assert (facts.total_cost_usd, facts.weeks, facts.clock_hours) == (None, None, None)
    rows = dict((label, (value, basis)) for label, value, basis in facts.rows())
    assert rows["Total cost"] == ("Not known", "No published price (Paid by the employer)")
    assert rows["Clock hours"][1] == "Not published"


def test_screen_gives_verdicts_with_their_rule_and_a_range_left(bootcamp):
    facts = credentials_program_facts(slugs=["short-bootcamp"])["short-bootcamp"]

    (screen,) = credentials_funding_screen(
        facts=[facts], answers={"veteran": False, "employment": "employed"}
    )

    matches = {m.source.slug: m for m in screen.matches}
    pell = matches["workforce-pell"]
    assert pell.outcome == "unknown"  # the catalog does not know if the provider is Title IV
    assert "Title IV" in pell.decided_by.text
    assert "The program has 300 clock hours; it needs 150 to 599." in [
        r.text for r in pell.reasons_for
    ]
    gi = matches["gi-bill"]
    assert gi.outcome == "unlikely" and gi.decided_by.text == "Only for veterans."
    employer = matches["employer-educational-assistance"]
    # IRC 127's $5,250 was read only in LexisNexis's copy of the law: shown, not counted.
    assert employer.outcome == "possible" and employer.covers_up_to_usd is None
    assert "LexisNexis" in employer.amount_not_counted_why
    left = screen.left
    assert (left.low_usd, left.high_usd) == (6250, 6250)
    assert left.counted == []
    assert "employer-educational-assistance" in [m.source.slug for m in left.not_counted]


def test_screen_rules_a_program_out_by_its_length(bootcamp):
    bootcamp.duration_weeks = 20
    bootcamp.save()

    (screen,) = credentials_funding_screen(facts=[_facts("short-bootcamp")], answers={})

    pell = next(m for m in screen.matches if m.source.slug == "workforce-pell")
    assert pell.outcome == "unlikely"
    assert any("lasts 20 weeks" in reason.text for reason in pell.reasons_against)
    assert screen.left.high_usd == 6250


def test_detail_page_shows_reasons_cost_left_and_assumptions(client, bootcamp):
    response = client.get(reverse("credentials:detail", args=["short-bootcamp"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Can I pay for this?" in html
    assert 'id="funding-results" aria-live="polite"' in html
    assert "Based on the program alone." in html
    assert "The catalog lists it as a way to pay for this program." in html
    # Nothing with a verified amount may pay (IRC 127's $5,250 was read only in a copy of the
    # law): the whole price is left, and the page says which source was not counted and why.
    assert "$6,250: the full price" in html
    assert "Not counted, because no amount is confirmed: Employer educational assistance" in html
    assert "LexisNexis" in html
    assert "The higher figure is if none of them pays" in html
    assert "12 weeks at 25 hours a week" in html  # the facts used, with where they come from
    assert "/funding/?credential=short-bootcamp" in html


def test_detail_page_reruns_the_screener_with_answers(client, bootcamp):
    response = client.get(
        reverse("credentials:detail", args=["short-bootcamp"]), {**ANSWERS, "veteran": "yes"}
    )

    html = response.content.decode()
    assert "Based on the program alone." not in html
    assert "You said you are a veteran." in html
    # The link to /funding/ carries the answers along.
    assert re.search(r"/funding/\?credential=short-bootcamp&amp;state=VA&amp;age=30", html)


def test_detail_page_htmx_gets_only_the_results(client, bootcamp):
    response = client.get(
        reverse("credentials:detail", args=["short-bootcamp"]),
        ANSWERS,
        headers={"HX-Request": "true", "HX-Target": "funding-results"},
    )

    html = response.content.decode()
    assert "<h1" not in html
    assert "You are working." in html


def test_htmx_gets_the_message_for_bad_answers_with_a_swappable_status(client, bootcamp):
    response = client.get(
        reverse("credentials:detail", args=["short-bootcamp"]),
        {**ANSWERS, "state": "ZZ"},
        headers={"HX-Request": "true", "HX-Target": "funding-results"},
    )

    assert response.status_code == 200  # htmx swaps only 2xx responses
    assert "Please check your answers" in response.content.decode()


def test_compare_htmx_gets_only_the_table(client, bootcamp, indexed):
    CredentialFactory(slug="other")
    indexed()

    response = client.get(
        reverse("credentials:compare"),
        {"ids": "short-bootcamp,other", **ANSWERS},
        headers={"HX-Request": "true", "HX-Target": "compare-results"},
    )

    html = response.content.decode()
    assert "<h1" not in html and "compare-table" in html
    assert "Funding rows use your answers." in html


def test_detail_page_explains_bad_answers(client, bootcamp):
    response = client.get(
        reverse("credentials:detail", args=["short-bootcamp"]), {**ANSWERS, "age": "5"}
    )

    assert response.status_code == 400
    assert "Please check your answers" in response.content.decode()


def test_compare_shows_likely_sources_and_cost_left(client, bootcamp, indexed):
    other = CredentialFactory(slug="no-price", name="No Price")
    indexed()

    response = client.get(
        reverse("credentials:compare"), {"ids": f"short-bootcamp,{other.slug}", **ANSWERS}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "May help, or not known" in html and "Workforce Pell" in html
    assert "$1,000 to $6,250" not in html  # nothing confirmed to count
    assert "Employer educational assistance (IRC §127) (amount not confirmed)" in html
    assert "Price not published" in html
    assert "the higher figure is if none pays" in html
    assert 'id="compare-results" aria-live="polite"' in html


def test_compare_csv_has_the_funding_rows(client, bootcamp, indexed):
    CredentialFactory(slug="other")
    indexed()

    response = client.get(
        reverse("credentials:compare"), {"ids": "short-bootcamp,other", "format": "csv"}
    )

    text = response.content.decode()
    assert "Left to pay (range)" in text and "$6,250: the full price" in text
    assert "amount not confirmed" in text


def test_funding_screener_takes_a_credential(client, bootcamp):
    response = client.get(reverse("pathways:funding"), {"credential": "short-bootcamp"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Screening for Short Bootcamp" in html
    assert "12 weeks at 25 hours a week" in html  # facts used
    assert "$6,250: the full price" in html  # screened without answers: the program alone
    assert 'name="credential" value="short-bootcamp"' in html  # kept when answering


def test_funding_screener_with_credential_and_answers(client, bootcamp):
    response = client.get(reverse("pathways:funding"), {"credential": "short-bootcamp", **ANSWERS})

    html = response.content.decode()
    assert "What may help you pay for Short Bootcamp" in html
    assert "You are working." in html


@pytest.mark.parametrize("slug", ["no-such-credential", "<script>"])
def test_funding_screener_unknown_credential_is_a_clear_400(client, sources, slug):
    response = client.get(reverse("pathways:funding"), {"credential": slug})

    assert response.status_code == 400
    assert "We could not find that credential." in response.content.decode()


def _catalog(count, sources):
    """count credentials, each with count cost items and outcome reports, and every source."""
    made = []
    for n in range(max(count, 2)):
        credential = CredentialFactory(slug=f"c{n}", duration_weeks=10, hours_per_week=20)
        for _ in range(count):
            CostItemFactory(credential=credential)
            OutcomeReportFactory(credential=credential, graduated_150_pct=Decimal("80"))
        credential.funding_sources.add(*sources.values())
        made.append(credential)
    return made


@pytest.mark.parametrize("count", [1, 4])
def test_funding_pages_query_count_does_not_grow(
    client, indexed, sources, django_assert_max_num_queries, count
):
    made = _catalog(count, sources)
    indexed()
    slugs = ",".join(c.slug for c in made)
    # Same bound for 1 and 4 credentials: facts, funding sources, their facts (one query) and
    # rules are read in bulk; the detail page also lists the programs for the credential.
    with django_assert_max_num_queries(10):
        response = client.get(reverse("credentials:detail", args=[made[0].slug]), ANSWERS)
        assert response.status_code == 200
    with django_assert_max_num_queries(8):
        response = client.get(reverse("credentials:compare"), {"ids": slugs, **ANSWERS})
        assert response.status_code == 200
    # /funding/ also counts the programs on each state source's list (one grouped query).
    with django_assert_max_num_queries(8):
        response = client.get(reverse("pathways:funding"), {"credential": made[0].slug})
        assert response.status_code == 200


def test_screen_api_takes_a_credential(client, bootcamp):
    response = client.get(
        "/api/v1/funding-sources/screen/", {"credential": "short-bootcamp", "veteran": "false"}
    )

    assert response.status_code == 200
    matches = {m["slug"]: m for m in response.json()}
    assert matches["workforce-pell"]["outcome"] == "unknown"
    assert matches["workforce-pell"]["decided_by"]["source"].startswith("34 CFR 690.92")
    employer = matches["employer-educational-assistance"]
    assert (employer["outcome"], employer["cost_left_usd"]) == ("possible", None)


def test_screen_api_unknown_credential_is_a_400(client, sources):
    response = client.get("/api/v1/funding-sources/screen/", {"credential": "nope"})

    assert response.status_code == 400
    assert "credential" in response.json()


def test_georgia_case_a_scorecard_school_gets_pell_up_to_the_award_year_maximum(sources, indexed):
    # The case: OFTC's $8,609 Computer Support Specialist Diploma (catalog), and the
    # College Scorecard row that lists the same school (UNITID 420431, a Title IV school).
    from datetime import date

    from credentials.models import Program, Provider
    from credentials.programs.services import providers_scorecard_match

    catalog_school = Provider.objects.create(
        name="Oconee Fall Line Technical College", slug="oftc", kind="community_college"
    )
    diploma = CredentialFactory(slug="oftc-diploma", provider=catalog_school,
                                credential_type="diploma")  # fmt: skip
    CostItemFactory(credential=diploma, kind="tuition", amount_min_usd=8609)
    scorecard_school = Provider.objects.create(
        name="Oconee Fall Line Technical College", slug="oftc-scorecard-420431",
        kind="university", external_key="scorecard:420431",
    )  # fmt: skip
    Program.objects.create(
        source="scorecard", external_id="420431-1103-1", source_date=date(2019, 6, 1),
        name="Data Processing", provider=scorecard_school, cip_code="11.03",
    )  # fmt: skip
    providers_scorecard_match()  # as every program load does: exact name, only school of it
    indexed()
    georgia = {"state": "GA", "veteran": False, "income": "low", "employment": "unemployed",
               "education": "high_school", "age": 30}  # fmt: skip

    (screen,) = credentials_funding_screen(facts=[_facts("oftc-diploma")], answers=georgia)

    matches = {m.source.slug: m for m in screen.matches}
    assert matches["pell-grant"].outcome == "possible"
    assert "UNITID 420431" in matches["pell-grant"].reasons_for[-1].source
    # The school takes federal aid; whether this diploma does is the school's to say.
    assert any("financial aid office" in r.text for r in matches["pell-grant"].to_check)
    assert matches["gi-bill"].outcome == "unlikely"
    assert matches["wioa-ita"].outcome == "unknown"
    # The 2026-27 Pell maximum ($7,395 in a college's copy of FSA's GEN-26-01) is not counted.
    assert (screen.left.low_usd, screen.left.high_usd) == (8609, 8609)
    assert [m.source.slug for m in screen.left.not_counted] == ["pell-grant"]
    assert "GEN-26-01" in matches["pell-grant"].amount_not_counted_why
