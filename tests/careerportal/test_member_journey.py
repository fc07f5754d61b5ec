"""A member admin's whole journey across the apps, in a real browser, with a real sign-in.

No session tricks: the admin types a username and password into /accounts/login/, lands where
LOGIN_REDIRECT_URL sends them, uploads hiring data (Celery runs eagerly in tests), signs the
hiring-data commitment and sees it done on the public board. A second journey resets a forgotten
password in Spanish through the emailed link (locmem email backend) and signs in with it.
"""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from alliance.models import Membership, MembershipRole

from ..hiringdata.conftest import use_tmp_private_storage
from ..hiringdata.factories import CredentialFactory, MemberFactory, OccupationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and real password 42"
NEW_PASSWORD = "another long password 77"
HEADER = (
    "hire_id,hire_date,soc_code,job_category,race_ethnicity,sex,education,training_pathway,"
    "credential\n"
)
WITH_AN_ERROR = (
    HEADER
    + "h1,2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,\n"
    + "h2,2025-02-01,15-1212,wizards,white,female,bachelor,four_year_degree,\n"
).encode()
FIXED = (
    HEADER
    + "h1,2025-01-15,15-1212,professionals,white,female,bachelor,four_year_degree,\n"
    + "h2,2025-02-01,15-1212,technicians,white,female,bachelor,four_year_degree,"
    + "comptia-security-plus\n"
).encode()


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path):
    use_tmp_private_storage(settings, tmp_path)


@pytest.fixture
def admin_user(db):
    """A member admin, created here with a real password (no force_login anywhere below)."""
    OccupationFactory(soc_code="15-1212")
    CredentialFactory(slug="comptia-security-plus")
    member = MemberFactory(slug="harbor-it", name="Harbor IT")
    user = get_user_model().objects.create_user(
        username="ana", email="ana@harbor.example", password=PASSWORD
    )
    Membership.objects.create(user=user, member=member, role=MembershipRole.ADMIN)
    return user


def sign_in(page, prefix: str, username: str, password: str, button: str) -> None:
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main").get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


def upload(page, name: str, data: bytes) -> None:
    page.select_option("#id_year", "2025")
    page.set_input_files("#id_file", files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_url("**/portal/submissions/*/")


def test_member_admin_signs_in_uploads_fixes_and_fulfils_the_commitment(
    page, live_server, axe_check, admin_user
):
    # A wrong password is refused on the page, and the visitor stays on the sign-in page.
    page.goto("/accounts/login/")
    assert page.locator("h1").inner_text() == "Sign in"
    axe_check(page)
    sign_in(page, "", "ana", "not the password", "Sign in")
    assert "/accounts/login/" in page.url
    assert "not right" in page.locator("main [role=alert]").inner_text()

    # The real password: LOGIN_REDIRECT_URL takes the admin to the member portal.
    sign_in(page, "", "ana", PASSWORD, "Sign in")
    assert page.url == f"{live_server.url}/portal/"
    assert page.locator("h1").count() == 1
    axe_check(page)

    # A file with a mistake is refused, and the problem table says which row and why.
    upload(page, "hires.csv", WITH_AN_ERROR)
    assert "Not accepted." in page.locator("#submission-result").inner_text()
    problems = page.locator("#problems tbody tr")
    assert problems.count() == 1
    assert "wizards" in problems.first.inner_text()
    assert "not an allowed answer" in problems.first.inner_text()
    axe_check(page)

    # The fixed file is accepted and the preview shows the member's own figures.
    page.goto("/portal/")
    upload(page, "hires-fixed.csv", FIXED)
    result = page.locator("#submission-result")
    assert "Accepted:" in result.inner_text()
    assert "2 hires" in result.inner_text()
    soc_table = result.locator("table", has_text="Your hires per job code")
    assert "15-1212" in soc_table.locator("tbody").inner_text()
    assert result.locator("table", has_text="Your largest groups").locator("tbody tr").count() == 2
    axe_check(page)

    # The admin signs the hiring-data commitment for the member.
    # With one membership, /alliance/manage/ goes straight to that member's page.
    page.goto("/alliance/manage/")
    page.wait_for_url("**/alliance/manage/harbor-it/")
    axe_check(page)
    page.select_option("#id_sign-kind", "hiring_data")
    page.fill("#id_sign-deadline", (date.today() + timedelta(days=180)).isoformat())
    page.fill("#id_sign-signer_name", "Ana Ruiz")
    page.click("label[for=id_sign-confirm]")
    page.locator("main").get_by_role("button", name="Sign", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".usa-alert--success").count() == 1

    # The public board shows the commitment done: the accepted file fulfils it.
    page.goto("/alliance/")
    board_row = page.locator("table").first.locator("tbody tr", has_text="Harbor IT")
    assert board_row.count() == 1
    # text_content: the status tag is upper-cased by CSS, which inner_text() would report.
    assert "Ana Ruiz" in board_row.text_content()
    assert "Done: data submitted" in board_row.text_content()
    axe_check(page)


def test_forgotten_password_is_reset_from_the_email_in_spanish(
    page, live_server, axe_check, admin_user
):
    mail.outbox.clear()
    page.goto("/es/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Iniciar sesión"
    axe_check(page)

    page.get_by_role("link", name="¿Olvidó su contraseña?").click()
    page.wait_for_url("**/es/accounts/password_reset/")
    axe_check(page)
    page.fill("#id_email", "ana@harbor.example")
    page.get_by_role("button", name="Enviarme un enlace").click()
    page.wait_for_url("**/es/accounts/password_reset/done/")
    assert page.locator("h1").inner_text() == "Revise su correo"

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["ana@harbor.example"]
    links = re.findall(r"https?://\S+", email.body)
    assert len(links) == 1
    link = links[0]
    assert link.startswith(f"{live_server.url}/es/accounts/reset/")

    # The link works once: it opens the form to choose a new password.
    page.goto(link)
    assert page.locator("h1").inner_text() == "Elija una contraseña nueva"
    axe_check(page)
    page.fill("#id_new_password1", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    page.get_by_role("button", name="Guardar contraseña").click()
    page.wait_for_url("**/es/accounts/reset/done/")
    assert page.locator("h1").inner_text() == "Contraseña guardada"
    axe_check(page)

    # The old password no longer works; the new one signs in and lands on the Spanish portal.
    page.get_by_role("link", name="Iniciar sesión").last.click()
    page.wait_for_url("**/es/accounts/login/")
    sign_in(page, "/es", "ana", PASSWORD, "Iniciar sesión")
    assert "/es/accounts/login/" in page.url
    sign_in(page, "/es", "ana", NEW_PASSWORD, "Iniciar sesión")
    assert page.url == f"{live_server.url}/es/portal/"
    assert page.locator("html").get_attribute("lang") == "es"
    axe_check(page)

    # Signing out (from the member page) goes back to the Spanish home page.
    page.goto("/es/alliance/manage/harbor-it/")
    page.locator("main").get_by_role("button", name="Cerrar sesión").click()
    page.wait_for_url(f"{live_server.url}/es/")

    # The emailed link cannot be used twice.
    page.goto(link)
    assert "no funciona" in page.locator("main").inner_text()
