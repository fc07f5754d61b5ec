"""A member admin's journey in a real browser, with axe checks, in English and Spanish."""

from datetime import date, timedelta

import pytest

from alliance.models import HiringStandardStatus, MembershipRole

from .conftest import PASSWORD
from .factories import (
    CertificationDecisionFactory,
    CredentialFactory,
    HiringStandardFactory,
    MemberFactory,
    MembershipFactory,
    OccupationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    occupation = OccupationFactory(soc_code="15-1232", title="Computer User Support Specialists")
    credential = CredentialFactory(
        name="CompTIA A+", slug="comptia-a-plus", occupations=[occupation]
    )
    CertificationDecisionFactory(credential=credential, rationale="Good exam.")
    member = MemberFactory(name="Harbor IT", slug="harbor-it", is_synthetic=True)
    admin = MembershipFactory(member=member, role=MembershipRole.ADMIN).user
    HiringStandardFactory(
        occupation=occupation,
        member=member,
        status=HiringStandardStatus.APPROVED,
        approved_on=date.today(),
        title="Help desk guide",
    )
    return {"admin": admin, "member": member, "credential": credential}


@pytest.mark.parametrize(
    "prefix,sign_in,sign,save,public_heading",
    [
        ("", "Sign in", "Sign", "Save statement", "Public commitment board"),
        ("/es", "Iniciar sesión", "Firmar", "Guardar", "Tablero público de compromisos"),
    ],
)
def test_member_admin_signs_a_commitment_and_states_a_recognition(
    page, axe_check, world, prefix, sign_in, sign, save, public_heading
):
    page.goto(f"{prefix}/accounts/login/?next={prefix}/alliance/manage/")
    axe_check(page)
    page.fill("#id_username", world["admin"].username)
    page.fill("#id_password", PASSWORD)
    page.locator("main").get_by_role("button", name=sign_in).click()
    page.wait_for_url(f"**{prefix}/alliance/manage/harbor-it/")
    axe_check(page)

    page.select_option("#id_sign-kind", "hiring_data")
    page.fill("#id_sign-deadline", (date.today() + timedelta(days=365)).isoformat())
    page.fill("#id_sign-signer_name", "Ana Ruiz")
    page.click("label[for=id_sign-confirm]")
    page.locator("main").get_by_role("button", name=sign, exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".usa-alert--success").count() == 1
    axe_check(page)

    page.select_option("#id_rec-credential", "comptia-a-plus")
    page.click("label[for=id_rec-kind_0]")
    page.locator("main").get_by_role("button", name=save).click()
    page.wait_for_load_state()
    assert page.locator(".usa-alert--success").count() == 1

    page.goto(f"{prefix}/alliance/")
    assert public_heading in page.content()
    assert "Ana Ruiz" in page.locator("table").first.inner_text()
    assert page.locator(".synthetic-flag").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    page.goto(f"{prefix}/alliance/members/harbor-it/")
    assert "CompTIA A+" in page.content()
    axe_check(page)


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_employers_guide_in_a_browser(page, axe_check, world, prefix):
    page.goto(f"{prefix}/employers/")
    axe_check(page)
    page.select_option("#id_occupation", "15-1232")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**occupation=15-1232*")
    page.locator("#employer-results table").wait_for()
    assert "CompTIA A+" in page.locator("#employer-results").inner_text()
    assert "Help desk guide" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    page.goto(f"{prefix}/alliance/certification/comptia-a-plus/")
    assert "Good exam." in page.content()
    axe_check(page)


def test_failed_sign_ins_are_refused_with_a_clear_message(page, axe_check, world, settings):
    settings.ALLIANCE_SIGNIN_MAX_FAILURES = 2
    for _ in range(2):
        page.goto("/accounts/login/")
        page.fill("#id_username", world["admin"].username)
        page.fill("#id_password", "wrong")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
    assert "Too many failed sign-ins" in page.content()
    axe_check(page)


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_task_force_staff_and_account_pages_pass_axe(page, axe_check, world, prefix):
    from django.contrib.auth.models import Group

    from alliance.permissions import TASK_FORCE_GROUP
    from alliance.services import invitation_create

    from .factories import UserFactory

    reviewer = UserFactory(is_staff=True, first_name="Tess", last_name="Force")
    reviewer.groups.add(Group.objects.get_or_create(name=TASK_FORCE_GROUP)[0])
    submitted = HiringStandardFactory(
        member=world["member"], status=HiringStandardStatus.SUBMITTED, title="Draft guide"
    )
    _, token = invitation_create(
        actor=world["admin"], member=world["member"], email="new@example.org", role="viewer"
    )
    for path in ("/accounts/password_reset/", f"/alliance/invitations/{token}/"):
        page.goto(prefix + path)
        assert page.locator("h1").count() == 1
        axe_check(page)

    page.goto(f"{prefix}/accounts/login/?next={prefix}/alliance/task-force/")
    page.fill("#id_username", reviewer.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/alliance/task-force/")
    for path in (
        "/alliance/task-force/",
        "/alliance/task-force/credentials/comptia-a-plus/",
        f"/alliance/task-force/standards/{submitted.pk}/",
        "/alliance/audit/",
        "/alliance/manage/harbor-it/standards/new/",
    ):
        page.goto(prefix + path)
        assert page.locator("h1").count() == 1, path
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        axe_check(page)
