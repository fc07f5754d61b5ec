"""The funding rules (pathways.screener) on the shipped facts, each read from a named page."""

import datetime as dt
from decimal import Decimal

import pytest

from careerportal.public_cache import catalog_changed
from pathways.models import FactKey, FactUnit, FundingFact, FundingSource
from pathways.screener import (
    _range_text,
    funding_sources_for_screen,
    funding_sources_screen,
    left_to_pay,
)

pytestmark = pytest.mark.django_db

# A day inside the 2026-27 award year and calendar year 2026, when the shipped facts apply.
ON = dt.date(2026, 12, 1)

PERSON = {
    "state": "VA",
    "age": 30,
    "veteran": False,
    "income": "low",
    "employment": "dislocated",
    "education": "high_school",
}


def _screen(answers=None, program=None, on=ON):
    matches = funding_sources_screen(answers=answers or {}, program=program, on=on)
    return {m.source.slug: m for m in matches}


def _texts(reasons):
    return [r.text for r in reasons]


def test_dislocated_worker_likely_qualifies_for_wioa_with_the_reason(sample_data):
    wioa = _screen(PERSON)["wioa-ita"]
    assert wioa.outcome == "likely"
    assert "Dislocated workers can qualify." in _texts(wioa.reasons_for)


def test_vet_tec_is_closed_and_says_so(sample_data):
    vet_tec = _screen({**PERSON, "veteran": True})["vet-tec"]
    assert vet_tec.outcome == "unlikely"
    assert vet_tec.decided_by.text == "Closed to new applicants."


def test_non_veteran_is_told_why_gi_bill_does_not_fit(sample_data):
    gi_bill = _screen(PERSON)["gi-bill"]
    assert gi_bill.outcome == "unlikely"
    assert "Only for veterans." in _texts(gi_bill.reasons_against)


def test_gi_bill_approval_unknown_when_the_data_is_silent_names_the_va_page(sample_data):
    gi_bill = _screen({**PERSON, "veteran": True}, program={"total_cost_usd": 4000})["gi-bill"]

    assert gi_bill.outcome == "unknown"
    assert "approved for VA education benefits" in gi_bill.decided_by.text
    assert gi_bill.decided_by.url == (
        "https://www.va.gov/resources/how-we-determine-your-post-911-gi-bill-coverage/"
    )


def test_gi_bill_approval_in_the_data_makes_it_likely_for_a_veteran(sample_data):
    program = {"va_approved": True, "sources": {"va_approved": "VA WEAMS"}}
    gi_bill = _screen({**PERSON, "veteran": True}, program=program)["gi-bill"]
    assert gi_bill.outcome == "likely"
    assert gi_bill.reasons_for[-1].source == "VA WEAMS"


def test_bachelor_degree_rules_out_pell(sample_data):
    pell = _screen({**PERSON, "education": "bachelor"})["pell-grant"]
    assert pell.outcome == "unlikely"
    assert "Only for people without a bachelor's degree." in _texts(pell.reasons_against)


def test_employer_assistance_only_for_people_working(sample_data):
    assert _screen(PERSON)["employer-educational-assistance"].outcome == "unlikely"
    working = _screen({**PERSON, "employment": "employed"})["employer-educational-assistance"]
    assert working.outcome == "possible"
    assert working.decided_by.text == "Your employer must offer it. Ask your employer."


def test_workforce_pell_applies_its_read_rules_to_the_program(sample_data):
    fits = {
        "clock_hours": 300,
        "weeks": 10,
        "completion_rate": 75,
        "placement_rate": 72,
        "title_iv": True,
    }
    pell = _screen(PERSON, program=fits)["workforce-pell"]
    assert pell.reasons_against == []
    assert "The program has 300 clock hours; it needs 150 to 599." in _texts(pell.reasons_for)

    too_long = _screen(PERSON, program={**fits, "weeks": 15})["workforce-pell"]
    assert too_long.outcome == "unlikely"
    assert too_long.decided_by.text == "The program lasts 15 weeks; it needs 8 to under 15."
    low = _screen(PERSON, program={**fits, "placement_rate": 69})["workforce-pell"]
    assert "It needs at least 70% job placement; the program has 69%." in _texts(
        low.reasons_against
    )
    hours = _screen(PERSON, program={**fits, "clock_hours": 600})["workforce-pell"]
    assert hours.outcome == "unlikely"


def test_a_rough_published_length_is_unknown_not_a_guess(sample_data):
    # NJ's ETPL gives calendar-length bands such as "4 to 11 weeks".
    program = {"clock_hours": 300, "weeks_low": 4, "weeks_high": 11, "title_iv": True}
    pell = _screen(PERSON, program=program)["workforce-pell"]
    assert pell.outcome == "unknown"
    assert "4 to 11 weeks" in _texts(pell.unknowns)[0]


def test_missing_program_facts_are_unknown_with_the_rule_source(sample_data):
    matches = _screen(PERSON, program={"total_cost_usd": 5000})

    wioa, pell = matches["wioa-ita"], matches["pell-grant"]
    assert wioa.outcome == "unknown"
    assert wioa.decided_by.url == "https://www.law.cornell.edu/cfr/text/20/680.300"
    assert pell.outcome == "unknown"
    assert "Title IV" in pell.decided_by.text
    assert all(m.outcome != "possible" or m.to_check for m in matches.values())


def test_program_on_the_nj_etpl_is_eligible_for_wioa_through_the_job_center(sample_data):
    program = {"on_etpl": True, "etpl_state": "NJ", "sources": {"on_etpl": "NJ ETPL 2023-04-28"}}

    matches = _screen({**PERSON, "state": "NJ"}, program=program)

    for slug in ("wioa-ita", "nj-wioa-ita"):
        assert matches[slug].outcome == "likely"
        assert matches[slug].reasons_for[-1].text == (
            "On NJ's Eligible Training Provider List: eligible for WIOA training funds, "
            "through your local American Job Center."
        )
        assert matches[slug].reasons_for[-1].source == "NJ ETPL 2023-04-28"


def test_state_source_is_for_its_residents_and_listed_first(sample_data):
    program = {"on_etpl": True, "etpl_state": "NJ"}

    in_nj = funding_sources_screen(answers={**PERSON, "state": "NJ"}, program=program, on=ON)
    in_ga = _screen({**PERSON, "state": "GA"}, program=program)

    assert [m.source.slug for m in in_nj[:2]] == ["nj-wioa-ita", "wioa-ita"]
    assert in_ga["nj-wioa-ita"].outcome == "unlikely"
    assert in_ga["wioa-ita"].outcome == "possible"  # another state's list: the AJC decides


def test_program_off_the_etpl_rules_out_wioa(sample_data):
    assert _screen(PERSON, program={"on_etpl": False})["wioa-ita"].outcome == "unlikely"


def test_employer_amount_read_only_in_a_copy_of_the_law_is_shown_but_not_counted(sample_data):
    answers = {**PERSON, "employment": "employed"}
    program = {"total_cost_usd": 8000}

    in_2026 = _screen(answers, program)["employer-educational-assistance"]
    in_2027 = _screen(answers, program, on=dt.date(2027, 2, 1))["employer-educational-assistance"]

    assert in_2026.outcome == "possible"
    assert (in_2026.amount_fact.award_year, in_2026.amount_fact.confidence) == ("2026", "secondary")
    assert in_2026.covers_up_to_usd is None  # LexisNexis's copy, not uscode.house.gov or irs.gov
    assert "LexisNexis" in in_2026.amount_not_counted_why
    assert "$" not in in_2026.amount_not_counted_why
    assert in_2027.amount_fact is None  # no 2027 figure was read at all

    # Confirming it at the official text is a data change: the same row, verified, counts.
    FundingFact.objects.filter(
        source__slug="employer-educational-assistance", key=FactKey.MAX_AWARD
    ).update(confidence="verified")
    catalog_changed()  # a bulk update sends no signal: whoever makes one says the catalog changed
    confirmed = _screen(answers, program)["employer-educational-assistance"]
    assert (confirmed.covers_up_to_usd, confirmed.cost_left_usd) == (5250, 2750)


def test_pell_maximum_comes_from_the_award_year_in_effect_and_only_if_verified(sample_data):
    spring = _screen(PERSON, {"total_cost_usd": 9000}, on=dt.date(2026, 3, 1))["pell-grant"]
    autumn = _screen(PERSON, {"total_cost_usd": 9000}, on=dt.date(2026, 9, 1))["pell-grant"]

    # 2025-26: FSA's own letter GEN-25-02, verified, counted.
    assert spring.amount_fact.award_year == "2025-26"
    assert spring.amount_fact.confidence == "verified"
    assert spring.amount_fact.source_url.startswith("https://fsapartners.ed.gov/")
    assert spring.covers_up_to_usd == 7395
    # 2026-27: read only in a college's copy of GEN-26-01, so shown without a figure and why.
    assert autumn.amount_fact.award_year == "2026-27"
    assert autumn.amount_fact.confidence == "secondary"
    assert autumn.covers_up_to_usd is None
    assert "GEN-26-01" in autumn.amount_not_counted_why
    assert "7,395" not in autumn.amount_not_counted_why


def test_a_new_award_years_pell_maximum_is_a_new_row_not_code(sample_data):
    pell = FundingSource.objects.get(slug="pell-grant")
    FundingFact.objects.create(
        source=pell,
        key=FactKey.MAX_AWARD,
        value=Decimal(7500),
        unit=FactUnit.USD,
        award_year="2027-28",
        effective_from=dt.date(2027, 7, 1),
        effective_until=dt.date(2028, 6, 30),
        text="Up to $7,500 for 2027-28.",
        source_url="https://fsapartners.ed.gov/",
        read_on=dt.date(2027, 2, 1),
        confidence="verified",
    )

    match = _screen(PERSON, {"total_cost_usd": 9000}, on=dt.date(2027, 8, 1))["pell-grant"]

    assert match.covers_up_to_usd == 7500


def test_an_unconfirmed_amount_is_shown_but_never_counted(sample_data):
    program = {"total_cost_usd": 3000, "clock_hours": 300, "weeks": 10, "title_iv": True}
    workforce = _screen(PERSON, program)["workforce-pell"]
    assert workforce.amount_fact.confidence == ""
    assert workforce.amount_fact.text.startswith("Award amount not confirmed")
    assert workforce.covers_up_to_usd is None


def test_workforce_pell_is_not_open_before_its_first_award_year(sample_data):
    program = {"clock_hours": 300, "weeks": 10, "title_iv": True}
    before = _screen(PERSON, program, on=dt.date(2026, 5, 1))["workforce-pell"]
    assert "It starts on 2026-07-20." in _texts(before.to_check)
    assert before.to_check[0].url.startswith("https://www.ecfr.gov/current/title-34/")
    # Its program rules apply only from the day the regulation took effect.
    assert not any("clock hours" in t for t in _texts(before.reasons_for + before.reasons_against))


@pytest.mark.parametrize(
    ("hours", "weeks", "outcome_rule"),
    [
        (150, 8, "met"),
        (599, 14, "met"),
        (600, 10, "against"),  # 34 CFR 690.92(b)(1): less than 600 clock hours
        (149, 10, "against"),
        (300, 15, "against"),  # 690.92(a): less than 15 weeks
        (300, 7, "against"),
    ],
)
def test_workforce_pell_length_rules_are_34_cfr_690_92(sample_data, hours, weeks, outcome_rule):
    program = {"clock_hours": hours, "weeks": weeks, "title_iv": True}
    match = _screen(PERSON, program)["workforce-pell"]

    length = [
        r
        for r in match.reasons_for + match.reasons_against
        if "clock hours" in r.text or "weeks" in r.text
    ]
    assert len(length) == 2
    against = [r for r in length if r in match.reasons_against]
    assert bool(against) == (outcome_rule == "against")
    hours_fact = match.source.fact(FactKey.MAX_CLOCK_HOURS, on=ON)
    assert (hours_fact.confidence, hours_fact.source_title) == (
        "verified",
        "34 CFR 690.92(b) (eCFR)",
    )
    assert hours_fact.source_url.startswith("https://www.ecfr.gov/current/title-34/")


def test_workforce_pell_outcome_thresholds_follow_the_award_year(sample_data):
    workforce = FundingSource.objects.prefetch_related("facts").get(slug="workforce-pell")
    now = workforce.fact(FactKey.MIN_PLACEMENT_PCT, on=ON)
    later = workforce.fact(FactKey.MIN_PLACEMENT_PCT, on=dt.date(2029, 9, 1))
    assert (now.award_year, now.value, now.source_title) == (
        "2026-27 to 2028-29",
        70,
        "34 CFR 690.94(a)(2)(i)(B) (eCFR)",
    )
    assert (later.award_year, later.source_title) == (
        "2029-30 on",
        "34 CFR 690.94(a)(2)(ii)(B) (eCFR)",
    )


def test_a_rule_read_only_in_a_copy_is_not_applied(sample_data):
    FundingFact.objects.filter(source__slug="workforce-pell", key=FactKey.MAX_CLOCK_HOURS).update(
        confidence="secondary"
    )
    match = _screen(PERSON, {"clock_hours": 900, "weeks": 10, "title_iv": True})["workforce-pell"]
    assert "Its clock-hour rule is not confirmed." in _texts(match.to_check)
    assert not any("900 clock hours" in t for t in _texts(match.reasons_against))


def test_georgia_high_school_graduate_gets_a_range_with_reasons(sample_data):
    # The case: a Georgia high-school graduate and an $8,609 technical-college
    # diploma (OFTC, in the College Scorecard, so a Title IV school).
    answers = {**PERSON, "state": "GA", "employment": "unemployed"}
    program = {
        "total_cost_usd": 8609,
        "title_iv": True,
        "sources": {"title_iv": "College Scorecard lists the school (Title IV)"},
    }

    matches = _screen(answers, program)
    left = left_to_pay(matches=matches.values(), cost_usd=8609, cost_date="AY2024-25")

    assert matches["pell-grant"].outcome == "possible"  # the FAFSA decides
    assert matches["gi-bill"].outcome == "unlikely"
    assert matches["wioa-ita"].outcome == "unknown"  # Georgia's ETPL is not in our data
    # The 2026-27 Pell maximum is not confirmed at FSA's own page: it is not counted, and the
    # range says why instead of counting $7,395.
    assert (left.low_usd, left.high_usd) == (8609, 8609)
    assert [m.source.slug for m in left.not_counted] == ["pell-grant"]
    assert "Not counted, because no amount is confirmed: Federal Pell Grant." in left.assumptions
    assert any(a.startswith("Federal Pell Grant: Not counted: read only") for a in left.assumptions)


def test_pell_and_workforce_pell_count_once_in_the_best_case(sample_data):
    # As if both figures were confirmed at the Department's pages.
    FundingFact.objects.filter(source__slug="workforce-pell", key=FactKey.MAX_AWARD).update(
        value=Decimal(3000), confidence="verified"
    )
    FundingFact.objects.filter(
        source__slug="pell-grant", key=FactKey.MAX_AWARD, award_year="2026-27"
    ).update(confidence="verified")
    program = {
        "total_cost_usd": 9000,
        "title_iv": True,
        "clock_hours": 300,
        "weeks": 10,
        "completion_rate": 80,
        "placement_rate": 80,
    }
    matches = _screen(PERSON, program)

    left = left_to_pay(matches=matches.values(), cost_usd=9000)

    assert left.low_usd == 9000 - 7395


def test_screening_with_loaded_sources_reads_no_more_rows(sample_data, django_assert_num_queries):
    sources = funding_sources_for_screen()

    with django_assert_num_queries(0):
        matches = funding_sources_screen(answers={}, program={}, sources=sources, on=ON)

    assert len(matches) == len(sources)


def test_nothing_known_is_unknown_never_possible_by_default(sample_data):
    scholarships = _screen(PERSON)["scholarships"]
    assert scholarships.outcome == "unknown"


def test_registered_apprenticeship_pays_only_for_apprenticeships(sample_data):
    for credential_type, outcome in (("certification", "unlikely"), ("apprenticeship", "unknown")):
        apprenticeship = _screen({}, {"credential_type": credential_type})[
            "registered-apprenticeship"
        ]
        assert apprenticeship.outcome == outcome


def test_program_length_rules_are_worded_for_whichever_limits_are_set():
    assert _range_text(low=150, high=599, below=False) == "150 to 599"
    assert _range_text(low=8, high=15, below=True) == "8 to under 15"
    assert _range_text(low=150, high=None, below=False) == "at least 150"
    assert _range_text(low=0, high=15, below=True) == "under 15"
    assert "None" not in _range_text(low=0, high=None, below=True)
