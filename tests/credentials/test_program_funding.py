"""Programs screened by the funding rules from their own facts (real NJ ETPL file)."""

import datetime as dt
import lzma

import pytest
from django.core.management import call_command
from django.urls import reverse

from credentials.funding import program_facts, program_funding_screen, programs_for_screen
from credentials.models import Program, Provider
from credentials.programs.services import providers_scorecard_match
from tests.credentials.factories import ProviderFactory
from tests.pages import page_html
from tests.pathways.publicdata_files import CARRIED, public_file

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


# Real rows of the carried College Scorecard file: three schools that New Jersey's 2021 ETPL names
# exactly, and "Columbia College", a name several Scorecard schools share.
SCORECARD_SCHOOLS = (
    b"County College of Morris", b"Stockton University", b"Eastwick College-Ramsey",
    b"Columbia College",
)  # fmt: skip


@pytest.fixture
def nj_2021_and_scorecard(sources, tmp_path):
    source = CARRIED / "college_scorecard" / "FieldOfStudyData1516_1617_PP_tech.csv.xz"
    lines = lzma.decompress(source.read_bytes()).splitlines(keepends=True)
    kept = [lines[0]] + [line for line in lines[1:] if line.split(b",")[2] in SCORECARD_SCHOOLS]
    scorecard = tmp_path / "FieldOfStudyData1516_1617_PP.csv"
    scorecard.write_bytes(b"".join(kept))
    call_command("load_scorecard", str(scorecard), "--date", "2023-04-06", "--cip", "all")
    call_command("load_etpl", str(public_file("nj_etpl/etpl_20210329172300.csv")),
                 "--state", "NJ")  # fmt: skip
    return Program.objects.filter(source="etpl", source_state="NJ")


def test_a_provider_is_tied_to_a_scorecard_school_only_by_its_exact_unique_name(
    nj_2021_and_scorecard,
):
    columbia = ProviderFactory(name="Columbia College")  # two Scorecard schools of that name
    providers_scorecard_match()

    tied = Provider.objects.exclude(external_key__startswith="scorecard:").exclude(
        scorecard_unitid=""
    )
    assert sorted(tied.values_list("name", "scorecard_name", "scorecard_unitid")) == [
        ("County College of Morris", "County College of Morris", "184180"),
        ("Eastwick College - Ramsey", "Eastwick College-Ramsey", "184959"),
        ("Stockton University", "Stockton University", "186876"),
    ]
    assert set(tied.values_list("scorecard_match", flat=True)) == {"exact_name"}
    columbia.refresh_from_db()
    assert columbia.scorecard_unitid == ""  # not one school: no guess


def test_pell_for_a_scorecard_schools_etpl_program_is_possible_the_school_decides(
    nj_2021_and_scorecard,
):
    program = nj_2021_and_scorecard.filter(provider__name="County College of Morris").first()

    facts = program_facts(program=programs_for_screen().get(pk=program.pk))
    pell = _screen(program, NJ_PERSON)["pell-grant"]

    assert (facts.title_iv, facts.title_iv_program) == (True, None)
    assert pell.outcome == "possible"
    school = next(r for r in pell.reasons_for if r.text.startswith("The school takes"))
    assert school.source.startswith(
        "Listed in the College Scorecard (U.S. Department of Education) as County College of "
        "Morris, UNITID 184180; matched by same name"
    )
    assert any(
        r.text.startswith("Whether this program is eligible for federal student aid is for the "
                          "school's financial aid office") for r in pell.to_check
    )  # fmt: skip


def test_a_scorecard_program_is_itself_listed_for_federal_aid(nj_2021_and_scorecard):
    program = Program.objects.filter(source="scorecard", provider__name="Stockton University")[0]

    pell = _screen(program, NJ_PERSON)["pell-grant"]

    assert "The program itself is listed for federal student aid." in [
        r.text for r in pell.reasons_for
    ]
    assert not any("financial aid office" in r.text for r in pell.to_check)
    assert pell.outcome == "possible"  # need-based: the FAFSA still decides how much


def test_program_page_shows_the_scorecard_match_as_evidence(client, nj_2021_and_scorecard):
    program = nj_2021_and_scorecard.filter(provider__name="Stockton University").first()

    html = page_html(client.get(reverse("programs:detail", args=[program.pk]), NJ_QUERY))

    assert "Listed in the College Scorecard (U.S. Department of Education) as Stockton " in html
    assert "UNITID 186876" in html
    assert "noncredit continuing-education programs often are not" in html


def test_without_scorecard_data_pell_is_unknown_not_maybe(nj_programs):
    pell = _screen(nj_programs.get(external_id="45591"), NJ_PERSON)["pell-grant"]
    assert pell.outcome == "unknown"


def test_workforce_pell_hours_fit_but_a_month_band_cannot_tell_the_weeks(nj_programs):
    quickbooks = nj_programs.get(external_id="45993")  # 300 hours, "3 to 5 months"

    workforce = _screen(quickbooks, NJ_PERSON)["workforce-pell"]

    assert workforce.outcome == "unknown"
    assert "The program has 300 clock hours; it needs 150 to 599." in [
        r.text for r in workforce.reasons_for
    ]
    assert (
        "The program lasts 13 to 26 weeks; it needs 8 to under 15. The published length is too "
        "rough to tell." in [r.text for r in workforce.unknowns]
    )


GI_BILL_UNKNOWN = "We do not know whether the program is approved for VA education benefits"


def test_gi_bill_approval_is_unknown_with_its_reason_wherever_a_program_is_screened(
    client, nj_programs, bootcamp
):
    # No VA approval data is loaded: the verdict says so on every page, never "maybe".
    web = nj_programs.get(external_id="45591")
    veteran = {**NJ_QUERY, "veteran": "yes"}

    gi_bill = _screen(web, {**NJ_PERSON, "veteran": True})["gi-bill"]

    assert gi_bill.outcome == "unknown"
    assert gi_bill.decided_by.text.startswith(GI_BILL_UNKNOWN)
    pages = {
        "program": (reverse("programs:detail", args=[web.pk]), veteran),
        "compare": (
            reverse("credentials:compare"),
            {"ids": f"short-bootcamp,program-{web.pk}", **veteran},
        ),
        "screener": (reverse("pathways:funding"), {"credential": f"program-{web.pk}", **veteran}),
    }
    for page, (url, query) in pages.items():
        response = client.get(url, query)
        assert response.status_code == 200, page
        assert GI_BILL_UNKNOWN in page_html(response), page


def test_program_page_shows_verdicts_range_and_sources(client, nj_programs):
    web = nj_programs.get(external_id="45591")

    response = client.get(reverse("programs:detail", args=[web.pk]), NJ_QUERY)

    assert response.status_code == 200
    html = page_html(response)
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
    html = page_html(response)
    assert "<h1" not in html and "Low income gives you priority." in html


def test_compare_screens_a_program_beside_a_credential(client, nj_programs, bootcamp):
    web = nj_programs.get(external_id="45591")

    response = client.get(
        reverse("credentials:compare"), {"ids": f"short-bootcamp,program-{web.pk}", **NJ_QUERY}
    )

    assert response.status_code == 200
    html = page_html(response)
    assert "New Jersey WIOA training grant (ETPL programs) (amount not confirmed)" in html


def test_funding_screener_takes_a_program(client, nj_programs):
    web = nj_programs.get(external_id="45591")

    response = client.get(reverse("pathways:funding"), {"credential": f"program-{web.pk}"})

    assert response.status_code == 200
    assert f"Screening for {web.name}" in page_html(response)


def test_plan_its_printout_and_compare_show_the_screeners_range(client, nj_programs, bootcamp):
    # One screen (pathways.screener via credentials_funding_screen), the same numbers on every
    # page that shows them: here with no personal answers, as a plan keeps none.
    from credentials.funding import credentials_funding_screen, credentials_program_facts
    from credentials.plans import services as plan_services
    from pathways.models import FundingFact

    # As if 26 U.S.C. 127's $5,250 were confirmed at the official text (shipped: a copy only,
    # not counted): the range needs one counted amount to show on every page.
    FundingFact.objects.filter(
        source__slug="employer-educational-assistance", key="max_award"
    ).update(confidence="verified")
    facts = credentials_program_facts(slugs=["short-bootcamp"])["short-bootcamp"]
    (screen,) = credentials_funding_screen(facts=[facts], answers={})
    low, high = f"{screen.left.low_usd:,}", f"{screen.left.high_usd:,}"
    assert screen.left.low_usd < screen.left.high_usd  # a source with a confirmed amount may pay
    plan = plan_services.plan_create()
    plan_services.plan_item_add(plan=plan, credential_slug="short-bootcamp")
    web = nj_programs.get(external_id="45591")

    plan_html = page_html(client.get(f"/plans/{plan.token}/"))
    compare_html = page_html(
        client.get(reverse("credentials:compare"), {"ids": f"short-bootcamp,program-{web.pk}"})
    )

    printout = client.get(f"/plans/{plan.token}/print/", follow=True)
    assert printout.status_code == 200
    print_html = page_html(printout)

    said = f"between ${low} and ${high}"
    assert f'<dd class="plan-left">{said}' in plan_html
    assert f'<dd class="plan-left">{said}' in print_html
    assert f"${low} to ${high}" in compare_html
    # The printout is its own page; nothing open around the range there is hidden in print.
    assert "no-print" not in _open_classes_at(print_html, 'class="plan-left"')


def _open_classes_at(html: str, marker: str) -> str:
    """The class attributes of the elements still open where `marker` appears."""
    from html.parser import HTMLParser

    class Opened(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[tuple[str, str]] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag not in {"br", "img", "input", "meta", "link", "hr"}:
                self.stack.append((tag, dict(attrs).get("class") or ""))

        def handle_endtag(self, tag: str) -> None:
            while self.stack and self.stack.pop()[0] != tag:
                pass

    parser = Opened()
    parser.feed(html[: html.index(marker)])
    return " ".join(classes for _, classes in parser.stack)


def test_zero_clock_hours_on_the_list_are_read_as_not_published(nj_2021_and_scorecard):
    # The 2021 file gives 0 total clock hours for some college programs (13 months to 2 years).
    chemistry = nj_2021_and_scorecard.get(external_id="16548")
    assert chemistry.clock_hours == 0  # stored as published

    facts = program_facts(program=programs_for_screen().get(pk=chemistry.pk))
    workforce = _screen(chemistry, NJ_PERSON)["workforce-pell"]

    assert (facts.clock_hours, facts.clock_hours_basis) == (
        None,
        "The list gives 0: read as not published",
    )
    assert any(
        r.text.startswith("The program's clock hours are not published") for r in workforce.unknowns
    )
    assert workforce.outcome == "unlikely"  # its length band (56 to 104 weeks) rules it out


def test_a_changed_tie_makes_cached_public_pages_stale(
    nj_2021_and_scorecard, django_capture_on_commit_callbacks
):
    from careerportal.public_cache import catalog_version

    Provider.objects.update(scorecard_unitid="", scorecard_name="", scorecard_match="")
    before = catalog_version()

    with django_capture_on_commit_callbacks(execute=True):
        assert providers_scorecard_match() == 3

    assert catalog_version() != before
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        providers_scorecard_match()  # nothing changed: the cache stays
    assert callbacks == []
