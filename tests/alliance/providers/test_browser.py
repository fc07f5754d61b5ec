"""The providers' journey in a real browser, with axe on every page; the new pages in English and
Spanish through the every-page crawl's checks."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format

from alliance.providers import services
from alliance.providers.models import ProgramSubmission, ProviderAccount
from credentials.models import Program
from tests.careerportal.test_every_page import check_page

from ..conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.7\n% outcome report\n"


def _sign_in(tab, user, next_path: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"/accounts/login/?next={next_path}")
    tab.fill("#id_username", user.username)
    tab.fill("#id_password", PASSWORD)
    tab.locator("main").get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"**{next_path}")


def _tick(tab, input_id: str) -> None:  # type: ignore[no-untyped-def]
    """Tick a USWDS checkbox or radio (the input is hidden; its label is what people press)."""
    tab.click(f"label[for={input_id}]")


def test_invite_submit_review_approve_and_publish(
    browser, live_server, axe_check, task_force_user, second_task_force_user, tech_occupation
):
    staff = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    provider = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    tf, pv = staff.new_page(), provider.new_page()
    try:
        # The task force invites a provider to fill a gap.
        _sign_in(tf, task_force_user, "/alliance/gaps/")
        axe_check(tf)
        tf.get_by_role("link", name=f"Invite a provider for {tech_occupation.title}").first.click()
        axe_check(tf)
        tf.fill("#id_email", "lead@delta.example.org")
        tf.fill("#id_organisation", "Delta Coding School")
        tf.select_option("#id_kind", "bootcamp")
        tf.get_by_role("button", name="Send the invitation").click()
        tf.wait_for_url("**/alliance/task-force/providers/")
        axe_check(tf)
        assert "Invitation sent" in tf.inner_text("body")
        link = re.search(r"https?://\S+/providers/invitations/\S+/", mail.outbox[-1].body)
        assert link is not None

        # The provider accepts, sets a password and sends a program with evidence.
        pv.goto(link.group(0).split("/providers/", 1)[1].join(["/providers/", ""]))
        axe_check(pv)
        pv.fill("#id_password1", "Delta-school-2026!")
        pv.fill("#id_password2", "Delta-school-2026!")
        pv.get_by_role("button", name="Join").click()
        pv.wait_for_url("**/providers/portal/")
        axe_check(pv)
        pv.get_by_role("link", name="Send a program for this gap").click()
        axe_check(pv)
        pv.fill("#id_name", "Help Desk Bootcamp")
        assert pv.input_value("#id_occupation") == tech_occupation.soc_code
        pv.fill("#id_cip_code", "11.1006")
        pv.fill("#id_duration_weeks", "12")
        pv.fill("#id_total_cost_usd", "3500")
        _tick(pv, "id_online")
        _tick(pv, "id_vocabulary_0")  # CIRR
        pv.fill("#id_period", "Graduates of 2025")
        pv.fill("#id_employed_in_field_180_days_pct", "72")
        pv.fill("#id_median_starting_salary_usd", "51000")
        pv.get_by_role("button", name="Send for review").click()
        pv.wait_for_url(re.compile(r".*/providers/portal/submissions/\d+/$"))
        axe_check(pv)
        pv.set_input_files(
            "#id_file", {"name": "cirr-report.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        pv.get_by_role("button", name="Add file").click()
        pv.wait_for_selector("text=cirr-report.pdf")
        submission = ProgramSubmission.objects.get(name="Help Desk Bootcamp")

        # The task force assigns, comments, votes and approves.
        tf.goto("/alliance/task-force/providers/")
        tf.get_by_role("link", name="Help Desk Bootcamp").click()
        axe_check(tf)
        tf.select_option("#id_assign-reviewer", str(task_force_user.pk))
        tf.get_by_role("button", name="Save reviewer").click()
        tf.fill("#id_comment-body", "Thanks: the report matches the cohort.")
        _tick(tf, "id_comment-for_provider")
        tf.get_by_role("button", name="Add comment").click()
        _tick(tf, "vote-approve")
        tf.get_by_role("button", name="Save my vote").click()
        _tick(tf, "id_decide-decision_0")  # approve
        tf.fill("#id_decide-reason", "Evidence checked against the CIRR report.")
        _tick(tf, "id_decide-outcomes_verified")
        tf.get_by_role("button", name="Record the decision").click()
        tf.wait_for_selector("text=Decision recorded")
        axe_check(tf)
        submission.refresh_from_db()
        assert submission.status == "approved"

        # The provider sees the decision and the comment; the catalog shows the program.
        pv.reload()
        body = pv.inner_text("main")
        assert "Approved and published" in body
        assert "Thanks: the report matches the cohort." in body
        program = Program.objects.get(submission=submission)
        pv.goto(f"/programs/{program.pk}/")
        axe_check(pv)
        today = date_format(timezone.localdate(), "DATE_FORMAT")
        assert f"Verified by the task force on {today}" in pv.inner_text("main")
    finally:
        staff.close()
        provider.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_new_pages_pass_the_crawl_checks(
    browser, live_server, axe_check, settings, tmp_path, language, task_force_user
):
    call_command("load_sample_data", stdout=io.StringIO())
    editable = ProgramSubmission.objects.get(status="changes_requested")
    open_one = ProgramSubmission.objects.get(status="in_review")
    ProviderAccount.objects.create(user=task_force_user, provider=editable.provider)
    _, token = services.provider_invitation_create(
        actor=task_force_user, email="x@example.org", organisation="X", kind="bootcamp"
    )
    prefix = "" if language == "en" else "/es"
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    tab = context.new_page()
    problems: list[str] = []
    try:
        for path in ("/alliance/gaps/", "/alliance/gaps/?level=bachelor",
                     f"/providers/invitations/{token}/"):  # fmt: skip
            tab.goto(prefix + path)
            problems += check_page(tab, axe_check, prefix + path, language, 360)
        _sign_in(tab, task_force_user, f"{prefix}/providers/portal/")
        for path in (
            "/providers/portal/",
            "/providers/portal/submissions/new/",
            f"/providers/portal/submissions/{editable.pk}/",
            "/alliance/task-force/providers/",
            "/alliance/task-force/providers/invite/",
            f"/alliance/task-force/providers/submissions/{open_one.pk}/",
            f"/programs/{ProgramSubmission.objects.get(status='approved').program_id}/",
        ):
            response = tab.goto(prefix + path)
            assert response.status == 200, path
            problems += check_page(tab, axe_check, prefix + path, language, 360)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
