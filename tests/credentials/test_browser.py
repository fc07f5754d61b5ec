"""Search, fill the compare tray, open the comparison: in a real browser, on a phone, en + es."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_search_tray_and_compare(page, axe_check, security_catalog, prefix):
    page.goto(f"{prefix}/credentials/")
    assert page.locator("h1").count() == 1
    axe_check(page)

    # Typing searches through htmx and updates the announced count without a reload.
    page.fill("#id_q", "comptia")
    # Locator assertions, not wait_for_function: the page's CSP forbids the eval it needs.
    expect(page.locator("#search-results [role=status]")).to_have_text(re.compile(r"^\s*2"))
    assert "q=comptia" in page.url  # hx-push-url keeps the address shareable

    page.fill("#id_q", "")
    page.locator("form[role=search] .filter-search button[type=submit]").click()
    expect(page.locator(".result-list > li")).to_have_count(3)
    for index in range(3):
        page.locator("#search-results form[action$='/tray/add/'] button").first.click()
        expect(page.locator("#compare-tray .tray-list li")).to_have_count(index + 1)
    # The tray is in the session: it is still there after a new search.
    page.goto(f"{prefix}/credentials/?q=security")
    assert page.locator("#compare-tray .tray-list li").count() == 3
    axe_check(page)

    page.locator("#compare-tray a.usa-button").click()
    page.wait_for_url("**/credentials/compare/?ids=*")
    assert page.locator("table.compare-table thead th[scope=col]").count() == 3
    assert page.locator(".best-value").count() > 0
    axe_check(page)

    page.locator("table.compare-table a.usa-link").first.click()
    assert page.locator("h1").count() == 1
    axe_check(page)


def test_search_works_without_javascript(browser, live_server, security_catalog):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/credentials/")
    page.fill("#id_q", "security")
    page.locator("form[role=search] .filter-search button[type=submit]").click()
    page.wait_for_url("**/credentials/?*q=security*")
    assert page.locator(".result-list > li").count() == 2
    page.locator("#search-results form[action$='/tray/add/'] button").first.click()
    page.wait_for_url("**/credentials/?*q=security*")
    assert page.locator("#compare-tray .tray-list li").count() == 1
    context.close()
