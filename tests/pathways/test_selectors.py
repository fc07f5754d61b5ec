"""funding_sources_screen and the pathway reads."""

import pytest

from pathways.models import FundingSource
from pathways.selectors import funding_sources_screen, occupation_pathways

pytestmark = pytest.mark.django_db

PERSON = {
    "state": "VA",
    "age": 30,
    "veteran": False,
    "income": "low",
    "employment": "dislocated",
    "education": "high_school",
}


def _by_slug(matches):
    return {m.source.slug: m for m in matches}


def test_dislocated_worker_likely_qualifies_for_wioa_with_the_reason(sample_data):
    wioa = _by_slug(funding_sources_screen(answers=PERSON))["wioa-ita"]
    assert wioa.outcome == "likely"
    assert "Dislocated workers can qualify." in wioa.reasons_for
    assert (
        "Check that the program is on your state's training provider list (ETPL)."
        not in wioa.to_check
    )


def test_vet_tec_is_closed_and_says_so(sample_data):
    vet_tec = _by_slug(funding_sources_screen(answers={**PERSON, "veteran": True}))["vet-tec"]
    assert vet_tec.outcome == "no"
    assert "Closed to new applicants." in vet_tec.reasons_against


def test_non_veteran_is_told_why_gi_bill_does_not_fit(sample_data):
    gi_bill = _by_slug(funding_sources_screen(answers=PERSON))["gi-bill"]
    assert gi_bill.outcome == "no"
    assert "Only for veterans." in gi_bill.reasons_against


def test_veteran_gets_gi_bill_as_to_verify(sample_data):
    gi_bill = _by_slug(funding_sources_screen(answers={**PERSON, "veteran": True}))["gi-bill"]
    assert gi_bill.outcome == "maybe"
    assert any("not confirmed" in r for r in gi_bill.to_check)


def test_bachelor_degree_rules_out_pell(sample_data):
    pell = _by_slug(funding_sources_screen(answers={**PERSON, "education": "bachelor"}))[
        "pell-grant"
    ]
    assert pell.outcome == "no"
    assert "Only for people without a bachelor's degree." in pell.reasons_against


def test_employer_assistance_only_for_people_working(sample_data):
    matches = _by_slug(funding_sources_screen(answers=PERSON))
    assert matches["employer-educational-assistance"].outcome == "no"
    working = _by_slug(funding_sources_screen(answers={**PERSON, "employment": "employed"}))
    assert working["employer-educational-assistance"].outcome == "maybe"


def test_workforce_pell_checks_the_program_rules(sample_data):
    fits = {"clock_hours": 300, "weeks": 10, "completion_rate": 75, "placement_rate": 72}
    pell = _by_slug(funding_sources_screen(answers=PERSON, program=fits))["workforce-pell"]
    assert pell.reasons_against == []
    too_long = _by_slug(funding_sources_screen(answers=PERSON, program={**fits, "weeks": 15}))
    assert too_long["workforce-pell"].outcome == "no"
    assert any("under 15" in r for r in too_long["workforce-pell"].reasons_against)
    low = _by_slug(funding_sources_screen(answers=PERSON, program={**fits, "placement_rate": 69}))
    assert any("70% job placement" in r for r in low["workforce-pell"].reasons_against)
    hours = _by_slug(funding_sources_screen(answers=PERSON, program={**fits, "clock_hours": 600}))
    assert hours["workforce-pell"].outcome == "no"


def test_program_off_the_etpl_rules_out_wioa(sample_data):
    wioa = _by_slug(funding_sources_screen(answers=PERSON, program={"on_etpl": False}))["wioa-ita"]
    assert wioa.outcome == "no"


def test_cost_left_after_employer_assistance(sample_data):
    matches = _by_slug(
        funding_sources_screen(
            answers={**PERSON, "employment": "employed"}, program={"total_cost_usd": 8000}
        )
    )
    employer = matches["employer-educational-assistance"]
    assert (employer.covers_up_to_usd, employer.cost_left_usd) == (5250, 2750)


def test_results_are_ordered_likely_first(sample_data):
    outcomes = [m.outcome for m in funding_sources_screen(answers=PERSON)]
    rank = {"likely": 0, "maybe": 1, "no": 2}
    assert outcomes == sorted(outcomes, key=rank.__getitem__)


def test_underage_person_is_out_of_wioa(sample_data):
    wioa = _by_slug(funding_sources_screen(answers={**PERSON, "age": 15}))["wioa-ita"]
    assert wioa.outcome == "no"


def test_pathways_come_in_education_order_with_resolved_credentials(
    sample_data, fake_step_credentials
):
    from pathways.models import Occupation

    views = occupation_pathways(occupation=Occupation.objects.get(soc_code="15-1212"))
    assert [v.pathway.education_level for v in views] == [
        "no_diploma",
        "high_school",
        "some_college",
        "associate",
        "bachelor",
    ]
    training = [s for s in views[1].steps if s.wants_credentials]
    assert views[1].credentials[training[0].id][0]["certified"] is True
    job = next(s for s in views[1].steps if s.kind == "entry_job")
    assert views[1].credentials[job.id] == []


def test_pathway_total_is_empty_when_a_step_has_no_figure(sample_data):
    from pathways.models import Occupation

    views = occupation_pathways(occupation=Occupation.objects.get(soc_code="15-1212"))
    no_diploma = views[0]  # the GED step has no published time or cost
    assert no_diploma.min_cost_usd is None and no_diploma.min_weeks is None
    bachelor = views[-1]
    assert bachelor.min_cost_usd is not None


def test_merged_resolvers_keep_certified_first():
    from types import SimpleNamespace

    from pathways import extensions

    def plain(steps):
        return {s.id: [{"slug": "plain", "certified": False}] for s in steps}

    def certified(steps):
        return {s.id: [{"slug": "gold", "certified": True}] for s in steps}

    extensions.register_step_credentials_resolver(plain)
    extensions.register_step_credentials_resolver(certified)
    try:
        merged = extensions.step_credentials(steps=[SimpleNamespace(id=1)])
    finally:
        extensions._step_credentials_resolvers.remove(plain)
        extensions._step_credentials_resolvers.remove(certified)
    assert [c["slug"] for c in merged[1]] == ["gold", "plain"]


def test_sources_the_catalog_lists_get_a_reason_the_others_a_check(sample_data):
    program = {"credential_type": "certificate", "listed_funding": ["scholarships"]}

    matches = {m.source.slug: m for m in funding_sources_screen(answers={}, program=program)}

    assert "The catalog lists it as a way to pay for this program." in (
        matches["scholarships"].reasons_for
    )
    assert matches["scholarships"].outcome == "likely"
    assert matches["wioa-ita"].outcome == "maybe"
    assert any("ask the provider" in r for r in matches["wioa-ita"].to_check)


def test_registered_apprenticeship_pays_only_for_apprenticeships(sample_data):
    for credential_type, outcome in (("certification", "no"), ("apprenticeship", "maybe")):
        matches = funding_sources_screen(answers={}, program={"credential_type": credential_type})
        apprenticeship = next(m for m in matches if m.source.slug == "registered-apprenticeship")
        assert apprenticeship.outcome == outcome


def test_screening_with_loaded_sources_reads_no_more_rows(sample_data, django_assert_num_queries):
    sources = list(FundingSource.objects.prefetch_related("apply_steps"))

    with django_assert_num_queries(0):
        matches = funding_sources_screen(answers={}, program={}, sources=sources)

    assert len(matches) == len(sources)


def test_program_length_rules_are_worded_for_whichever_limits_are_set():
    from pathways.selectors import _range_text

    assert _range_text(low=150, high=599, below=False) == "150 to 599"
    assert _range_text(low=8, high=15, below=True) == "8 to under 15"
    assert _range_text(low=150, high=None, below=False) == "at least 150"
    assert _range_text(low=0, high=15, below=True) == "under 15"
    assert "None" not in _range_text(low=0, high=None, below=True)
