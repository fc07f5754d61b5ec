"""A plan that helps: each credential's cost, time, help that may pay and what is left; the
plan's totals with what they assume; a one-page printout in the student's language."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from credentials.plans import services as plan_services
from credentials.plans.models import Plan
from pathways.models import Confidence, FactKey, FactUnit, FundingFact, FundingKind, FundingSource
from pathways.screener import FundingMatch, LeftToPay, left_to_pay_total
from tests.pages import page_html

from .factories import CostItemFactory, CredentialFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def _employer_help(cap):
    """A source with a confirmed most it pays, listed on the credentials it is added to."""
    source = FundingSource.objects.create(
        slug="employer-help", name="Employer help", kind=FundingKind.EMPLOYER
    )
    FundingFact.objects.create(
        source=source, key=FactKey.MAX_AWARD, value=Decimal(cap), unit=FactUnit.USD,
        text="Pays up to this much a year.", source_url="https://example.org/help",
        confidence=Confidence.VERIFIED,
    )  # fmt: skip
    return source


@pytest.fixture
def priced_plan():
    """Two priced credentials sharing one source with a $1,000 yearly most, and one unpriced."""
    help_ = _employer_help(1000)
    provider = ProviderFactory(name="A College", slug="a-college")
    cheap = CredentialFactory(name="Exam A", slug="exam-a", provider=provider, duration_weeks=6)
    CostItemFactory(credential=cheap, amount_min_usd=Decimal("439"))
    dear = CredentialFactory(name="Course B", slug="course-b", provider=provider, total_hours=120)
    CostItemFactory(credential=dear, amount_min_usd=Decimal("2000"))
    unpriced = CredentialFactory(name="Course C", slug="course-c", provider=provider)
    for credential in (cheap, dear):
        credential.funding_sources.add(help_)
    plan = plan_services.plan_create(title="Ana's plan", language="es")
    for credential in (cheap, dear, unpriced):
        plan_services.plan_item_add(plan=plan, credential_slug=credential.slug)
    return plan


def test_each_item_shows_cost_time_help_and_what_is_left(client, priced_plan):
    response = client.get(f"/plans/{priced_plan.token}/")

    assert response.status_code == 200
    html = page_html(response)
    assert "$2,000" in html and "120 hours of study" in html and "6 weeks" in html
    assert "Employer help: Possible: someone else decides (up to $1,000)" in html
    assert "between $1,000 and $2,000" in html  # Course B: its price less the most help pays
    assert "$439 (the full price)" not in html  # Exam A: help may cover all of it
    assert "between $0 and $439" in html


def test_totals_count_a_sources_yearly_most_once_for_the_whole_plan(client, priced_plan):
    response = client.get(f"/plans/{priced_plan.token}/")

    assert response.status_code == 200
    html = page_html(response)
    assert "Full prices added up" in html and "$2,439" in html
    # $2,439 less the $1,000 the one source can pay in all: not $2,439 less $439 and $1,000.
    assert "between $1,439 and $2,439" in html
    assert "counted once for the whole plan" in html


def test_unknown_prices_are_named_once_and_left_out_of_the_totals(client, priced_plan):
    response = client.get(f"/plans/{priced_plan.token}/")

    assert response.status_code == 200
    html = page_html(response)
    assert html.count("No published price yet, so not added up: Course C.") == 1
    assert "The totals add up 2 items with a published price." in html


def test_no_priced_item_says_the_totals_cannot_be_counted(client):
    provider = ProviderFactory(name="A College", slug="a-college")
    credential = CredentialFactory(name="Course C", slug="course-c", provider=provider)
    plan = plan_services.plan_create()
    plan_services.plan_item_add(plan=plan, credential_slug=credential.slug)

    response = client.get(f"/plans/{plan.token}/")

    assert response.status_code == 200
    html = page_html(response)
    assert "No item has a published price, so we cannot add up what is left." in html
    assert "Full prices added up" not in html


def _left(cost, *covers):
    """A program's range with sources of the given (slug, most) already screened as likely."""
    counted = []
    for slug, most in covers:
        source = FundingSource(slug=slug, name=slug, kind=FundingKind.SCHOLARSHIP)
        fact = FundingFact(key=FactKey.MAX_AWARD, value=Decimal(most), unit=FactUnit.USD)
        counted.append(
            FundingMatch(source=source, amount_fact=fact, covers_up_to_usd=min(cost, most))
        )
    return LeftToPay(cost, "", counted, [], max(cost - sum(c for _, c in covers), 0), cost)


def test_total_lets_each_source_pay_where_it_may_and_no_more_than_its_most():
    # A: $1,000 with help from x ($800) and y ($500); B: $600 with y only. The best case has
    # x pay $800 of A, y pay $200 of A and $300 of B: $1,300 paid, $300 left.
    total = left_to_pay_total(
        parts=[_left(1000, ("x", 800), ("y", 500)), _left(600, ("y", 500)), _left(0)]
    )
    assert (total.cost_usd, total.low_usd, total.high_usd) == (1600, 300, 1600)


def test_total_never_lets_help_for_one_program_pay_for_another():
    # x may pay only for A ($100); B ($900) has no help: $900 is left at best.
    total = left_to_pay_total(parts=[_left(100, ("x", 5000)), _left(900)])
    assert (total.low_usd, total.high_usd) == (900, 1000)


def test_total_leaves_out_programs_without_a_price():
    unpriced = LeftToPay(None, "", [], [], None, None)
    total = left_to_pay_total(parts=[_left(300), unpriced])
    assert (total.priced, total.unpriced, total.high_usd) == (1, 1, 300)


def test_printout_opens_in_the_students_language(client, priced_plan):
    response = client.get(f"/plans/{priced_plan.token}/print/")

    assert response.status_code == 302
    assert response["Location"] == f"/es/plans/{priced_plan.token}/print/"
    response = client.get(response["Location"])
    assert response.status_code == 200
    html = page_html(response)
    assert '<html lang="es"' in html
    assert "Qué hacer ahora" in html  # "What to do next"
    assert "Totales de la formación de este plan" in html
    # The sum in the locale's digits (grouping is the language's: 2,439 or 2.439 or 2 439).
    assert "Course B" in html and re.search(r"\$2\D?439", html)


def test_printout_in_english_stays_at_its_address(client):
    plan = plan_services.plan_create(title="Plan", language="en")
    response = client.get(f"/plans/{plan.token}/print/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_the_plan_language_is_the_pages_when_started_and_can_be_changed(client):
    response = client.post("/es/plans/new/", {"title": "Plan"})
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.language == "es"
    response = client.post(
        f"/plans/{plan.edit_token}/edit/", {"title": "Plan", "notes": "", "language": "en"}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.language == "en"


def test_a_language_the_site_does_not_have_is_refused(client):
    plan = plan_services.plan_create(title="Plan", language="en")
    response = client.post(
        f"/plans/{plan.edit_token}/edit/", {"title": "Plan", "notes": "", "language": "xx"}
    )
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.language == "en"


def test_plan_page_and_printout_query_counts_do_not_grow_with_items(client):
    _employer_help(1000)
    provider = ProviderFactory(name="A College", slug="a-college")
    made = []
    for n in range(4):
        credential = CredentialFactory(name=f"Course {n}", slug=f"course-{n}", provider=provider)
        CostItemFactory(credential=credential, amount_min_usd=Decimal(100 * (n + 1)))
        credential.funding_sources.add(FundingSource.objects.get())
        made.append(credential)
    plan = plan_services.plan_create(language="en")
    plan_services.plan_item_add(plan=plan, credential_slug=made[0].slug)
    counts = {}
    for size in ("one", "many"):
        if size == "many":
            for credential in made[1:]:
                plan_services.plan_item_add(plan=plan, credential_slug=credential.slug)
        for path in (f"/plans/{plan.token}/", f"/plans/{plan.token}/print/"):
            cache.clear()  # each count with the funding sources read, not from the public cache
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == 200
            counts[(size, path)] = len(queries.captured_queries)
    # 1 the plan by its token, 2 its items with their credentials and providers, 3 the
    # credentials' facts with their index rows and providers, 4 their cost items, 5 their
    # funding sources, 6 their outcome reports, 7 the funding sources, 8 their application
    # steps, 9 their facts: the same for one item and for four.
    for path in (f"/plans/{plan.token}/", f"/plans/{plan.token}/print/"):
        assert counts[("one", path)] == counts[("many", path)] == 9
