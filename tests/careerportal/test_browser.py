"""The start page and the 404 page in a real browser, on a phone, in English and Spanish."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "prefix,heading", [("", "Find tech training"), ("/es", "Encuentre capacitación")]
)
def test_start_page_has_no_serious_axe_violations(page, axe_check, prefix, heading):
    page.goto(f"{prefix}/")
    assert heading in page.locator("h1").inner_text()
    # Nothing overflows a 360 px phone screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_404_page_has_no_serious_axe_violations(page, axe_check, prefix, settings):
    response = page.goto(f"{prefix}/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").count() == 1
    axe_check(page)


def test_language_switcher_changes_the_page_to_spanish(desktop_page):
    desktop_page.goto("/")
    desktop_page.select_option("#language-select", "es")
    desktop_page.get_by_role("button", name="Change language").click()
    desktop_page.wait_for_url("**/es/")
    assert desktop_page.locator("html").get_attribute("lang") == "es"
