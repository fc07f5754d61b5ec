"""Staff see a summary's reading level change as they type it (progressive enhancement)."""

import pytest
from playwright.sync_api import expect

from tests.credentials.factories import CredentialFactory
from tests.hiringdata.test_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reading_level_follows_the_text_as_staff_type(
    desktop_page, live_server, django_user_model
):
    staff = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    credential = CredentialFactory(summary_en="You must pass one test. Nothing is needed first.")
    sign_in(desktop_page, live_server, staff)
    desktop_page.goto(f"/admin/credentials/credential/{credential.pk}/change/")
    label = desktop_page.locator("#id_summary_en_grade")
    expect(label).to_contain_text("plain enough")
    desktop_page.fill(
        "#id_summary_en",
        "Comprehensive vulnerability assessments of organizational infrastructure necessitate "
        "interdisciplinary collaboration among information security professionals.",
    )
    expect(label).to_contain_text("too hard: use shorter words and sentences")
    expect(label).to_have_attribute("aria-live", "polite")


def test_the_official_text_opens_under_our_plain_words(page, live_server, axe_check):
    from tests.pathways.factories import OccupationFactory

    OccupationFactory(
        soc_code="15-1232", description_en="They help people when their computers stop working.",
        onet_description="Provide technical assistance to computer users.",
    )  # fmt: skip
    page.goto("/careers/15-1232/")
    official = page.get_by_text("Provide technical assistance to computer users.")
    expect(official).to_be_hidden()
    page.get_by_text("Official description").click()
    expect(official).to_be_visible()
    axe_check(page)
