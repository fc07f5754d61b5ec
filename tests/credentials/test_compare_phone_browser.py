"""Compare on a 360 x 740 phone: one column at a time, "1 of 3" with previous/next, the row
names always in view; without JavaScript the table scrolls and says how many columns."""

import pytest
from playwright.sync_api import expect

from pathways.models import Occupation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CREDENTIALS = "/credentials/compare/?ids=security-plus,google-cybersecurity,a-plus"


def _row_name_visible(page, name):
    """The row name is on screen, inside the table's visible box (not scrolled out)."""
    box = page.locator(".compare-scroll").bounding_box()
    cell = page.locator("th[scope=row]", has_text=name).first.bounding_box()
    return cell["x"] >= box["x"] - 1 and cell["x"] + cell["width"] <= box["x"] + box["width"] + 1


def _column_on_screen(page, index):
    """The column header comes to rest beside the row names (the scroll is smooth: wait)."""
    for _ in range(30):
        names = page.locator(".compare-table thead tr > :first-child").bounding_box()
        header = page.locator(".compare-table thead th[scope=col]").nth(index).bounding_box()
        if abs(header["x"] - (names["x"] + names["width"])) < 4:
            return True
        page.wait_for_timeout(100)
    return False


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_credentials_compare_pages_one_column_at_a_time(page, axe_check, security_catalog, prefix):
    page.goto(prefix + CREDENTIALS)
    status = page.locator("[data-pager-status]")
    expect(status).to_be_visible()
    expect(status).to_have_text("1 of 3" if not prefix else "1 de 3")
    assert _column_on_screen(page, 0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    page.locator("[data-pager-next]").click()
    expect(status).to_have_text("2 of 3" if not prefix else "2 de 3")
    assert _column_on_screen(page, 1)
    assert _row_name_visible(page, "Total cost" if not prefix else "Costo total")

    page.locator("[data-pager-next]").click()
    expect(status).to_have_text("3 of 3" if not prefix else "3 de 3")
    expect(page.locator("[data-pager-next]")).to_be_disabled()
    page.locator("[data-pager-prev]").click()
    expect(status).to_have_text("2 of 3" if not prefix else "2 de 3")
    axe_check(page)


def test_swiping_the_table_moves_the_count(page, security_catalog):
    page.goto(CREDENTIALS)
    status = page.locator("[data-pager-status]")
    expect(status).to_have_text("1 of 3")
    # A swipe is a sideways scroll of the table; snapping settles on the next column.
    page.locator(".compare-scroll").evaluate("(el) => el.scrollBy({left: 200})")
    expect(status).to_have_text("2 of 3")


def test_careers_compare_pages_on_a_phone(page, axe_check):
    for code, title in [("15-1212", "Analysts"), ("15-1232", "Support"), ("15-1252", "Devs")]:
        Occupation.objects.create(soc_code=code, title=title, title_en=title)
    page.goto("/careers/compare/?codes=15-1212,15-1232,15-1252")
    status = page.locator("[data-pager-status]")
    expect(status).to_have_text("1 of 3")
    page.locator("[data-pager-next]").click()
    expect(status).to_have_text("2 of 3")
    assert _row_name_visible(page, "Median pay a year")
    axe_check(page)


def test_without_javascript_the_table_scrolls_and_says_how_many_columns(
    browser, live_server, security_catalog
):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, base_url=live_server.url
    )
    page = context.new_page()
    page.goto(CREDENTIALS)
    expect(page.locator(".compare-hint")).to_have_text(
        "3 columns: scroll sideways to see them all."
    )
    assert not page.locator(".compare-pager").is_visible()
    scroller = page.locator(".compare-scroll")
    assert scroller.evaluate("(el) => el.scrollWidth > el.clientWidth")
    context.close()


def test_on_a_desktop_every_column_shows_and_no_pager(desktop_page, security_catalog):
    desktop_page.goto(CREDENTIALS)
    assert not desktop_page.locator(".compare-pager").is_visible()
    assert not desktop_page.locator(".compare-hint").is_visible()
