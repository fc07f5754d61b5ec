"""A reader's journey through the transparency report in a real browser, English and Spanish."""

import pytest
from django.test import Client

from hiringdata.synthetic import hires_generate, members_create
from hiringdata.transparency.services import report_build, report_publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reports_published():
    from ..factories import CredentialFactory

    for slug in ("comptia-security-plus", "aws-cloud-practitioner", "google-it-support"):
        CredentialFactory(slug=slug)
    ids = members_create(count=10, opt_in_every=4)
    hires_generate(member_ids=ids, year=2024, hires_per_member=200, seed=1)
    hires_generate(member_ids=ids, year=2025, hires_per_member=220, seed=2)
    report_publish(report=report_build(year=2024))
    report_publish(report=report_build(year=2025))


@pytest.mark.parametrize(
    "prefix,heading,withheld,csv_label",
    [
        ("", "Hiring in 2025", "Withheld", "Download CSV"),
        ("/es", "Contratación en 2025", "Retenido", "Descargar CSV"),
    ],
)
def test_reader_goes_from_the_index_to_a_report_and_its_downloads(
    page, axe_check, reports_published, prefix, heading, withheld, csv_label
):
    page.goto(f"{prefix}/transparency/")
    axe_check(page)
    page.locator("a", has_text="2025").first.click()
    page.wait_for_url(f"**{prefix}/transparency/2025/")
    assert heading in page.locator("h1").inner_text()
    assert page.locator(".synthetic-flag").first.is_visible()
    # Every chart has its data table beside it, and withheld cells say why in words.
    assert page.locator(".tr-chart").count() >= 5
    assert page.locator("table caption").count() >= page.locator(".tr-chart").count()
    assert page.locator("td.tr-withheld").count() >= 1
    assert withheld in page.locator("td.tr-withheld").first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The new sections: hires by credential held, and the change since last year per dimension.
    credentials = page.locator("section[aria-labelledby='t-credential-by-training-pathway']")
    credentials.scroll_into_view_if_needed()
    assert credentials.locator("table caption").is_visible()
    assert credentials.locator("tbody th[scope=row]").count() >= 2
    progress = page.locator("section[aria-labelledby^='c-']")
    assert progress.count() >= 4
    assert page.locator("section[aria-labelledby='c-credential-by-training-pathway']").count() == 1
    progress.first.locator("table caption").scroll_into_view_if_needed()
    assert progress.first.locator("table caption").is_visible()
    axe_check(page)

    with page.expect_download() as download:
        page.get_by_role("link", name=csv_label).click()
    assert download.value.suggested_filename == "transparency-report-2025-v1.csv"

    page.goto(f"{prefix}/transparency/2025/print/")
    assert page.locator("h1").count() == 1
    axe_check(page)


def test_year_without_data_and_staff_publishing(
    desktop_page, axe_check, django_user_model, live_server
):
    boss = django_user_model.objects.create_user("boss", password="pw-Secret-1", is_staff=True)
    desktop_page.goto("/transparency/2019/")
    assert "No member hiring data has been accepted for 2019" in desktop_page.content()
    axe_check(desktop_page)

    ids = members_create(count=6, opt_in_every=3)
    hires_generate(member_ids=ids, year=2025, hires_per_member=200, seed=3)
    # Sign in by session cookie (the sign-in page is not this app's).
    client = Client()
    client.force_login(boss)
    desktop_page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    desktop_page.goto("/transparency/staff/")
    axe_check(desktop_page)
    desktop_page.fill("#build-year", "2025")
    desktop_page.get_by_role("button", name="Build a new draft").click()
    desktop_page.get_by_role("link", name="Version 1").click()
    axe_check(desktop_page)
    desktop_page.get_by_role("button", name="Publish this version").click()
    assert "Published the 2025 report" in desktop_page.content()
    desktop_page.goto("/transparency/2025/")
    assert "Hiring in 2025" in desktop_page.locator("h1").inner_text()
