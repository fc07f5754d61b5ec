"""In a real browser: the header's account area and the folded filter forms, phone and desktop."""

import pytest

from tests.alliance.factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"  # UserFactory's


def _sign_in(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_phone_sign_in_menu_and_sign_out(page, axe_check, prefix):
    membership = MembershipFactory(user__first_name="Ana", user__last_name="Ruiz")
    page.goto(f"{prefix}/careers/")
    page.locator(".usa-menu-btn").click()
    page.locator("a.account-signin").click()
    page.wait_for_url(lambda url: f"{prefix}/accounts/login/?next={prefix}/careers/" in url)
    _sign_in(page, membership.user.username)
    page.wait_for_url(f"**{prefix}/careers/")  # back where the visitor was
    axe_check(page)  # signed in, menu closed (USWDS hides the page from readers while it is open)

    page.locator(".usa-menu-btn").click()
    page.locator(".account-menu__summary").click()
    alliance_link = page.locator(
        f".account-menu a[href$='/alliance/manage/{membership.member.slug}/']"
    )
    assert alliance_link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator(".account-menu__signout button").click()
    page.wait_for_url(f"**{prefix}/")
    assert page.locator("a.account-signin").count() == 1
    assert page.locator(".account-menu").count() == 0


def test_desktop_staff_menu_opens_over_the_page(desktop_page, axe_check):
    staff = UserFactory(is_staff=True)
    desktop_page.goto("/accounts/login/")
    _sign_in(desktop_page, staff.username)
    desktop_page.goto("/credentials/")
    header_height = desktop_page.locator("header").bounding_box()["height"]

    desktop_page.locator(".account-menu__summary").click()
    assert desktop_page.locator(".account-menu a[href='/admin/']").is_visible()
    # The open menu drops over the page; the header does not grow.
    assert desktop_page.locator("header").bounding_box()["height"] == header_height
    axe_check(desktop_page)


@pytest.mark.parametrize("path", ["/credentials/", "/es/careers/"])
def test_phone_results_follow_the_search_box(page, axe_check, path):
    page.goto(path)
    assert not page.locator("#id_sort").is_visible()  # folded away
    count_box = page.locator(
        "#search-results [role=status], #career-results p"
    ).first.bounding_box()
    assert count_box["y"] < 1000  # was about two screens (1,700 px) down before the fold
    axe_check(page)

    page.locator("summary.filter-disclosure__summary").click()
    assert page.locator("#id_sort").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)


@pytest.mark.parametrize("path", ["/credentials/", "/es/careers/"])
def test_desktop_shows_the_filters_beside_the_results(desktop_page, path):
    desktop_page.goto(path)
    assert desktop_page.locator("#id_sort").is_visible()
    assert desktop_page.locator("details.filter-disclosure").get_attribute("open") is not None
