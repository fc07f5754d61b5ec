"""Phone and desktop layout on the sample data: results on a phone's first screen, the desktop
menu on one line, and nothing said missing over and over (issue 14, item 6)."""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sample(db):
    call_command("load_sample_data", stdout=io.StringIO())


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_three_results_start_on_a_phones_first_screen(page, axe_check, sample, prefix):
    page.goto(f"{prefix}/credentials/")  # 360 x 740
    tops = [box["y"] for box in (n.bounding_box() for n in page.locator(".result__name").all())]
    assert len(tops) >= 3 and tops[2] < 740, tops[:4]
    # What results leave out is said once, not as a "Not reported" line in every row.
    rows = page.locator(".result-list > li")
    assert page.locator(".result-list >> text=Not reported >> visible=true").count() == 0
    assert page.locator(".result-list > li .result__more[open]").count() == 0
    assert page.locator(".missing-note").count() == 1
    axe_check(page)

    # The details of a row, with the sources, open on tap.
    first = rows.first
    first.locator("summary").click()
    assert first.locator(".result-facts").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_desktop_menu_is_on_one_line(desktop_page, sample, prefix):
    desktop_page.set_viewport_size({"width": 1280, "height": 900})
    desktop_page.goto(f"{prefix}/credentials/")
    links = desktop_page.locator(".usa-nav__primary > li > a")
    boxes = [link.bounding_box() for link in links.all()]
    assert len(boxes) == 7
    assert {round(b["y"]) for b in boxes} == {round(boxes[0]["y"])}
    assert all(b["height"] < 60 for b in boxes)  # no label wraps onto a second line


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_start_page_searches(page, axe_check, sample, prefix):
    page.goto(f"{prefix}/")
    axe_check(page)
    page.fill("#home-q", "security")
    page.locator("form.home-search button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/credentials/?q=security")
    assert page.locator(".result-list > li").count() >= 1
    assert page.locator("#id_q").input_value() == "security"
