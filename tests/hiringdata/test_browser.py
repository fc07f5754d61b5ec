"""A submitter uploads a file with errors, reads them, fixes the file and uploads it again."""

import io
from unittest import mock

import pytest
from django.test import Client

from alliance.models import MembershipRole
from hiringdata import services

from .conftest import records
from .factories import CredentialFactory, MemberFactory, MembershipFactory, OccupationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BAD = records(
    "h1,2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,",
    "h2,2025-02-01,15-1212,wizards,white,female,bachelor,four_year_degree,",
    "h3,2024-12-31,15-1212,professionals,white,female,bachelor,bootcamp,",
)
FIXED = records(
    "h1,2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,",
    "h2,2025-02-01,15-1212,technicians,white,female,bachelor,four_year_degree,",
    "h3,2025-12-31,15-1212,professionals,white,female,bachelor,bootcamp,comptia-security-plus",
)
TEXT = {
    "": {"upload": "Upload and check", "rejected": "Not accepted.", "accepted": "Accepted:",
         "problem": "not an allowed answer"},
    "/es": {"upload": "Subir y revisar", "rejected": "No aceptado.", "accepted": "Aceptado:",
            "problem": "no es una respuesta permitida"},
}  # fmt: skip


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def upload(page, prefix: str, name: str, data: bytes) -> None:
    page.goto(f"{prefix}/portal/")
    page.select_option("#id_year", "2025")
    page.set_input_files("#id_file", files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    page.get_by_role("button", name=TEXT[prefix]["upload"]).click()
    page.wait_for_url("**/portal/submissions/*/")


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_upload_errors_fix_and_upload_again(page, live_server, axe_check, prefix):
    OccupationFactory(soc_code="15-1212")
    CredentialFactory(slug="comptia-security-plus")
    member = MemberFactory(slug="acme", name="Acme Corp")
    user = MembershipFactory(member=member, role=MembershipRole.SUBMITTER).user
    sign_in(page, live_server, user)
    text = TEXT[prefix]

    page.goto(f"{prefix}/portal/")
    assert page.locator("h1").count() == 1
    axe_check(page)

    upload(page, prefix, "hires.csv", BAD)
    assert text["rejected"] in page.locator("#submission-result").inner_text()
    rows = page.locator("#problems tbody tr")
    assert rows.count() == 2
    assert text["problem"] in rows.nth(0).inner_text()
    assert "wizards" in rows.nth(0).inner_text()
    assert "2024-12-31" in rows.nth(1).inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    with page.expect_download() as download_info:
        page.locator("a[href$='problems.csv']").click()
    with open(download_info.value.path(), encoding="utf-8-sig") as downloaded_file:
        downloaded = downloaded_file.read()
    assert "wizards" in downloaded and "job_category" in downloaded

    upload(page, prefix, "hires-fixed.csv", FIXED)
    result = page.locator("#submission-result").inner_text()
    assert text["accepted"] in result
    assert "3" in result
    axe_check(page)

    page.goto(f"{prefix}/portal/")
    history = page.locator("table").first.inner_text()
    assert "hires.csv" in history and "hires-fixed.csv" in history


def test_data_dictionary_page_in_both_languages(page, axe_check):
    for prefix in ("", "/es"):
        page.goto(f"{prefix}/portal/data-dictionary/")
        assert page.locator("h1").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        axe_check(page)


def test_pending_upload_updates_itself(page, live_server):
    """While the worker has not run yet, htmx polls the status until the result arrives."""
    OccupationFactory(soc_code="15-1212")
    member = MemberFactory(slug="acme", name="Acme Corp")
    user = MembershipFactory(member=member, role=MembershipRole.SUBMITTER).user
    with mock.patch("hiringdata.services.submission_enqueue", return_value=False):
        received = services.submission_receive(
            member=member, year=2025, upload=io.BytesIO(BAD), filename="late.csv", user=None
        ).submission
    sign_in(page, live_server, user)
    page.goto(f"/portal/submissions/{received.pk}/")
    assert "waiting to be checked" in page.locator("#submission-result").inner_text()
    services.submission_process(submission_id=received.pk)
    page.wait_for_selector("#problems", timeout=10_000)
    assert "Not accepted." in page.locator("#submission-result").inner_text()
