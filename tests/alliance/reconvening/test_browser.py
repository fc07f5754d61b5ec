"""A member admin recommits, writes a plan and reports on a milestone; the public pages show it."""

import pytest
from playwright.sync_api import expect

from alliance.models import MembershipRole
from alliance.reconvening.models import StandardVersion

from ..conftest import PASSWORD
from ..factories import MemberFactory, MembershipFactory, OccupationFactory
from .factories import ConveningFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# In Spanish the member writes its statement only in Spanish (the English field left empty).
@pytest.mark.parametrize(
    "prefix,sign_in,sign,save_plan,add,changed,statement_field,statement",
    [
        ("", "Sign in", "Sign", "Save the plan", "Add", "No longer requires a four-year degree.",
         "statement", "We keep hiring on skills."),
        ("/es", "Iniciar sesión", "Firmar", "Guardar el plan", "Agregar",
         "Ya no exige un título universitario de cuatro años.",
         "statement_es", "Seguimos contratando por habilidades."),
    ],
)  # fmt: skip
def test_member_admin_recommits_and_plans_and_the_year_page_shows_it(
    page, axe_check, prefix, sign_in, sign, save_plan, add, changed, statement_field, statement
):
    ConveningFactory(is_synthetic=True)
    member = MemberFactory(name="Harbor IT", slug="harbor-it", is_synthetic=True)
    admin = MembershipFactory(member=member, role=MembershipRole.ADMIN).user
    occupation = OccupationFactory(soc_code="15-1232", title="Computer User Support Specialists")
    for year, degree in ((2025, True), (2026, False)):
        StandardVersion.objects.create(
            member=member,
            occupation=occupation,
            year=year,
            approved_on=f"{year}-06-01",
            title="Help desk guide",
            degree_required=degree,
        )

    page.goto(f"{prefix}/accounts/login/?next={prefix}/alliance/manage/harbor-it/reconvening/")
    page.fill("#id_username", admin.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main").get_by_role("button", name=sign_in).click()
    page.wait_for_url(f"**{prefix}/alliance/manage/harbor-it/reconvening/")
    axe_check(page)

    field = f"#id_recommit-{statement_field}"
    if statement_field != "statement":  # folded under the English field
        page.locator(f"details:has({field}) > summary").click()
    page.fill(field, statement)
    page.fill("#id_recommit-signer_name", "Ana Ruiz")
    page.click("label[for=id_recommit-confirm]")
    with page.expect_navigation():  # the POST's redirect, not the page already loaded
        page.locator("main").get_by_role("button", name=sign, exact=True).click()
    expect(page.locator(".usa-alert--success")).to_have_count(1)  # waits for the redirect's page

    page.fill("#id_plan-summary", "One apprentice a year.")
    with page.expect_navigation():  # the POST's redirect, not the page already loaded
        page.locator("main").get_by_role("button", name=save_plan).click()
    page.fill("#id_milestone-title", "First apprentice starts")
    page.fill("#id_milestone-due_on", "2027-01-15")
    with page.expect_navigation():  # the POST's redirect, not the page already loaded
        page.locator("main").get_by_role("button", name=add, exact=True).click()
    assert "First apprentice starts" in page.locator("main table").inner_text()
    axe_check(page)

    page.goto(f"{prefix}/alliance/reconvening/2026/")
    body = page.locator("main").inner_text()
    assert statement in body
    assert "First apprentice starts" in body
    assert changed in body
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    page.goto(f"{prefix}/alliance/members/harbor-it/")
    assert "Ana Ruiz" in page.locator("main").inner_text()
    axe_check(page)


@pytest.mark.parametrize("prefix,post", [("", "We signed a public pledge"), ("/es", "Firmamos")])
def test_pledge_and_press_pages_in_a_browser(page, axe_check, prefix, post):
    from ..factories import CommitmentFactory
    from .factories import RecommitmentFactory

    convening = ConveningFactory(is_synthetic=True)
    member = MemberFactory(name="Harbor IT", slug="harbor-it", is_synthetic=True)
    commitment = CommitmentFactory(member=member, convening=convening)
    recommitment = RecommitmentFactory(member=member, convening=convening)

    page.goto(f"{prefix}/alliance/pledges/{commitment.pk}/")
    assert post in page.locator("#post-text").input_value()
    assert page.locator('main img[src$="card.png"]').evaluate("img => img.naturalWidth") == 1200
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)

    page.goto(f"{prefix}/alliance/pledges/renewed/{recommitment.pk}/")
    axe_check(page)

    page.goto(f"{prefix}/alliance/reconvening/2026/press/")
    assert "Harbor IT" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)


@pytest.mark.parametrize(
    "prefix,post,send",
    [("", "Post", "Send the answer"), ("/es", "Publicar", "Enviar la respuesta")],
)
def test_member_posts_a_need_and_a_provider_answers(page, axe_check, prefix, post, send):
    from ..providers.factories import ProviderAccountFactory
    from .factories import program_for

    member = MemberFactory(name="Harbor IT", slug="harbor-it", is_synthetic=True)
    admin = MembershipFactory(member=member, role=MembershipRole.ADMIN).user
    account = ProviderAccountFactory()
    program_for(account.provider, name="Help desk evenings")

    page.goto(f"{prefix}/accounts/login/?next={prefix}/alliance/manage/harbor-it/needs/")
    page.fill("#id_username", admin.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/alliance/manage/harbor-it/needs/")
    axe_check(page)
    page.fill("#id_need-role", "Help desk technician")
    page.fill("#id_need-skills", "Windows")
    page.fill("#id_need-people", "4")
    page.fill("#id_need-needed_by", "2030-01-15")
    with page.expect_navigation():  # the POST's redirect, not the page already loaded
        page.locator("main").get_by_role("button", name=post, exact=True).click()
    expect(page.locator(".usa-alert--success")).to_have_count(1)  # waits for the redirect's page

    page.context.clear_cookies()
    page.goto(f"{prefix}/accounts/login/?next={prefix}/alliance/needs/")
    page.fill("#id_username", account.user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/alliance/needs/")
    axe_check(page)
    with page.expect_navigation():  # the POST's redirect, not the page already loaded
        page.locator("main a[href*='/answer/']").first.click()
    axe_check(page)
    page.select_option("#id_answer-program", label="Help desk evenings")
    page.locator("main").get_by_role("button", name=send).click()
    page.wait_for_url(f"**{prefix}/alliance/needs/")
    assert "Help desk evenings" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)


@pytest.mark.parametrize("prefix,publish", [("", "Publish"), ("/es", "Publicar")])
def test_task_force_publishes_a_spotlight(page, axe_check, prefix, publish, tmp_path, settings):
    from django.contrib.auth.models import Group

    from alliance.permissions import TASK_FORCE_GROUP

    from ..factories import UserFactory

    settings.MEDIA_ROOT = str(tmp_path)
    ConveningFactory(is_synthetic=True)
    MemberFactory(name="Harbor IT", slug="harbor-it", is_synthetic=True)
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=TASK_FORCE_GROUP)[0])

    page.goto(f"{prefix}/accounts/login/?next={prefix}/alliance/task-force/spotlights/new/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{prefix}/alliance/task-force/spotlights/new/")
    axe_check(page)
    page.select_option("#id_kind", "member_story")
    page.fill("#id_title", "From help desk to security")
    page.fill("#id_body", "Ana started on the help desk.")
    page.select_option("#id_member", "harbor-it")
    page.fill("#id_figure1_label", "Hires")
    page.fill("#id_figure1_value", "12")
    page.fill("#id_figure1_source", "Member's records")
    page.fill("#id_figure1_as_of", "2026-05-01")
    page.locator("main").get_by_role("button", name=publish, exact=True).click()
    page.wait_for_url(f"**{prefix}/alliance/spotlights/")
    assert "From help desk to security" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)
