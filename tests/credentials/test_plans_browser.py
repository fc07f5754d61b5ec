"""A plan in a real browser: readable on a phone, accessible, and printed on one page."""

import re

import pytest

from credentials.plans import services as plan_services
from pathways.models import Occupation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def full_plan():
    plan = plan_services.plan_create(title="Class of 2027", notes="Meets on Tuesdays.")
    for i in range(20):
        Occupation.objects.create(
            soc_code=f"15-90{i:02d}", title=f"Test job {i}", title_en=f"Test job {i}",
            median_annual_wage=50000 + i, wage_vintage="May 2024",
        )  # fmt: skip
        plan_services.plan_item_add(
            plan=plan, soc_code=f"15-90{i:02d}", note="Ask about evening classes"
        )
    return plan


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_plan_page_is_accessible_on_a_phone(page, axe_check, full_plan, prefix):
    page.goto(f"{prefix}/plans/{full_plan.token}/")
    assert page.locator("h1").inner_text() == "Class of 2027"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)


def test_plan_prints_on_one_page(desktop_page, full_plan):
    desktop_page.goto(f"/plans/{full_plan.token}/")
    pdf = desktop_page.pdf(format="Letter")
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) == 1
    desktop_page.emulate_media(media="print")
    assert not desktop_page.locator("header.usa-header").is_visible()
    assert not desktop_page.locator("#share-link").is_visible()


def test_a_counselor_makes_a_plan_and_shares_a_link_that_cannot_change_it(
    page, desktop_page, axe_check
):
    # The counselor starts a plan from /plans/ and lands on its edit link.
    page.goto("/plans/")
    page.get_by_label("Plan name").fill("Tuesday group")
    page.get_by_role("button", name="Start a plan").click()
    page.wait_for_url("**/plans/*/")
    assert page.locator("h1").inner_text() == "Tuesday group"
    view_link = page.locator("#share-link").input_value()
    edit_link = page.locator("#edit-link").input_value()
    assert view_link != edit_link and page.url == edit_link
    axe_check(page)

    # Through the edit link the plan can be renamed.
    page.get_by_label("Plan name").fill("Tuesday group, spring")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(edit_link)
    assert page.locator("h1").inner_text() == "Tuesday group, spring"

    # A student opening the view link in another browser sees the plan, without any form.
    desktop_page.goto(view_link)
    assert desktop_page.locator("h1").inner_text() == "Tuesday group, spring"
    assert desktop_page.locator("#read-only-note").is_visible()
    assert desktop_page.locator("#edit-link").count() == 0
    assert desktop_page.get_by_role("button", name="Save").count() == 0
    axe_check(desktop_page)


@pytest.fixture
def spanish_plan():
    from decimal import Decimal

    from tests.credentials.factories import CostItemFactory, CredentialFactory

    plan = plan_services.plan_create(title="Plan de Ana", notes="Clases de noche.", language="es")
    for i in range(6):
        Occupation.objects.create(
            soc_code=f"15-91{i:02d}", title=f"Test job {i}", title_en=f"Test job {i}",
            median_annual_wage=50000 + i, wage_vintage="May 2024",
        )  # fmt: skip
        plan_services.plan_item_add(plan=plan, soc_code=f"15-91{i:02d}")
    for i in range(4):
        credential = CredentialFactory(name=f"Course {i}", slug=f"course-{i}", duration_weeks=8)
        CostItemFactory(credential=credential, amount_min_usd=Decimal(500 + i))
        plan_services.plan_item_add(plan=plan, credential_slug=credential.slug, note="Pregunte")
    return plan


def test_printout_is_one_page_in_the_students_language(page, desktop_page, axe_check, spanish_plan):
    page.goto(f"/plans/{spanish_plan.token}/print/")
    page.wait_for_url(f"**/es/plans/{spanish_plan.token}/print/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    desktop_page.goto(f"/es/plans/{spanish_plan.token}/print/")
    pdf = desktop_page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    desktop_page.emulate_media(media="print")
    assert not desktop_page.locator("header.usa-header").is_visible()
    assert not desktop_page.locator("[data-print]").is_visible()
    assert desktop_page.locator(".plan-totals").is_visible()
