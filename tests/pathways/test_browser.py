"""The counselor's journey in a real browser, on a phone, in English and Spanish, with axe."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_journey_from_career_to_saved_plan(
    page, axe_check, sample_data, fake_step_credentials, prefix
):
    # Pick an occupation.
    page.goto(f"{prefix}/careers/")
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator(f'a[href="{prefix}/careers/15-1212/"]').first.click()
    page.wait_for_url(f"**{prefix}/careers/15-1212/")
    assert page.locator("h1").count() == 1
    axe_check(page)

    # Choose "high school diploma": start from no diploma, then pick high school.
    page.locator('.level-picker a[href^="?level=no_diploma"]').first.click()
    page.wait_for_url("**level=no_diploma")
    page.wait_for_selector('.level-picker a[aria-current="true"][href^="?level=no_diploma"]')
    assert page.locator(".pathway-timeline > li").count() == 5
    page.locator('.level-picker a[href^="?level=high_school"]').first.click()
    page.wait_for_url("**level=high_school")
    page.wait_for_selector('.level-picker a[aria-current="true"][href^="?level=high_school"]')
    assert page.locator(".pathway-timeline > li").count() == 5
    assert (
        page.locator('.level-picker a[aria-current="true"]')
        .get_attribute("href")
        .startswith("?level=high_school")
    )

    # Open a step's credentials: certified first.
    first = page.locator(".step-credentials").first
    first.locator("summary").click()
    items = first.locator("li")
    assert items.first.is_visible()
    assert "Certified credential" in items.first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    # Save the career in a plan and open its link.
    page.locator("form.add-to-plan button[type=submit]").click()
    page.wait_for_url("**/plans/*/")
    share = page.locator("#share-link").input_value()
    assert "/plans/" in share
    axe_check(page)

    # Answer the funding screener.
    page.goto(f"{prefix}/funding/")
    page.select_option("#id_state", "VA")
    page.fill("#id_age", "30")
    page.locator('input[name="veteran"][value="no"] + label').click()
    page.locator('input[name="income"][value="low"] + label').click()
    page.locator('input[name="employment"][value="dislocated"] + label').click()
    page.select_option("#id_education", "high_school")
    page.locator("#screener-form button[type=submit]").click()
    page.wait_for_selector("#screener-results .funding-card")
    assert page.locator("#screener-results .outcome-likely").count() >= 1
    axe_check(page)

    # The plan's link opens the same plan for anyone who has it.
    page.goto(share)
    assert page.locator(".plan-items a").first.get_attribute("href").endswith("/careers/15-1212/")
    axe_check(page)


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_compare_and_404_pages(page, axe_check, sample_data, prefix):
    page.goto(f"{prefix}/careers/")
    page.locator('label[for="compare-15-1212"]').click()
    page.locator('label[for="compare-15-1232"]').click()
    page.locator('#career-results button[type="submit"]').click()
    page.wait_for_url("**/careers/compare/**")
    assert page.locator("table caption").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)
    response = page.goto(f"{prefix}/careers/15-9999/")
    assert response.status == 404
    axe_check(page)


def test_filter_form_works_without_javascript(browser, live_server, sample_data):
    context = browser.new_context(
        java_script_enabled=False, base_url=live_server.url, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto("/careers/")
    # On a phone the filters are folded under the search box; <details> opens without JavaScript.
    assert not page.locator("#id_field").is_visible()
    page.locator("summary.filter-disclosure__summary").click()
    page.select_option("#id_field", "data")
    page.get_by_role("button", name="Show jobs").click()
    page.wait_for_url("**field=data**")
    assert "Data Scientists" in page.content()
    assert "Software Developers" not in page.locator("#career-results").inner_text()
    context.close()


def test_level_links_work_without_javascript(browser, live_server, sample_data):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/careers/15-1231/")
    page.locator('.level-picker a[href^="?level=associate"]').click()
    page.wait_for_url("**level=associate**")
    assert page.locator(".level-picker a[aria-current=true]").inner_text() == "Associate degree"
    assert page.locator("h1").count() == 1
    context.close()
