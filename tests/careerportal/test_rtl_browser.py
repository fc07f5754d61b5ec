"""Arabic in a real browser: right to left, with the header, the menu, the columns and the tables
mirrored, and no serious accessibility finding."""

import pytest

from tests.credentials.factories import CostItemFactory, CredentialFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def box(page, selector: str) -> dict:  # type: ignore[no-untyped-def]
    return page.locator(selector).first.bounding_box()


def test_desktop_header_and_columns_are_mirrored_in_arabic(desktop_page, axe_check):
    page = desktop_page
    CredentialFactory(slug="a-plus", name="CompTIA A+")
    page.goto("/ar/credentials/")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    # The logo on the right, the menu to its left, read from right to left.
    logo, menu = box(page, ".usa-logo"), box(page, ".usa-nav__primary")
    assert logo["x"] > menu["x"] + menu["width"] - 1
    first, last = (page.locator(".usa-nav__primary-item").nth(i).bounding_box() for i in (0, -1))
    assert first["x"] > last["x"]
    # The filters beside the results: on the right, the results on the left.
    filters, results = box(page, "main .desktop\\:grid-col-4"), box(page, "#search-results")
    assert filters["x"] > results["x"] + results["width"] - 1
    axe_check(page)

    english = page.context.new_page()
    english.goto("/credentials/")
    assert box(english, ".usa-logo")["x"] < box(english, ".usa-nav__primary")["x"]
    english.close()


def test_phone_menu_opens_from_the_left_and_tables_read_right_to_left(page, axe_check):
    credential = CredentialFactory(slug="a-plus", name="CompTIA A+")
    CostItemFactory(credential=credential, note_en="Exam fee, one attempt.")
    page.goto("/ar/credentials/a-plus/")
    button, logo = box(page, ".usa-menu-btn"), box(page, ".usa-logo")
    assert button["x"] < logo["x"]  # the menu button on the left, the logo on the right
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Table cells start on the right.
    assert page.eval_on_selector("main table td", "el => getComputedStyle(el).textAlign") in (
        "right",
        "start",
    )
    cell = page.locator("main table td").first.bounding_box()
    text = page.evaluate(
        """() => { const r = document.createRange();
                   r.selectNodeContents(document.querySelector('main table td'));
                   return r.getBoundingClientRect().right; }"""
    )
    assert text > cell["x"] + cell["width"] - 20  # the text sits against the right edge
    # The back link's arrow points right, where "back" is in Arabic.
    arrow = page.eval_on_selector(
        ".usa-breadcrumb__list-item:nth-last-child(2) .usa-breadcrumb__link",
        "el => getComputedStyle(el, '::before').transform",
    )
    assert arrow.startswith("matrix(-1")
    # Content not translated yet: English, left to right, marked as such, with the note.
    assert page.locator('main [lang="en"][dir="ltr"]').count() >= 1
    assert page.locator("main .translation-missing").count() >= 1
    axe_check(page)

    page.locator(".usa-menu-btn").click()
    # It slides in from the left edge: wait for the slide to end (the CSP allows no string eval).
    page.evaluate(
        "() => Promise.all(document.querySelector('.usa-nav').getAnimations().map(a => a.finished))"
    )
    drawer = box(page, ".usa-nav")
    assert drawer["x"] == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
