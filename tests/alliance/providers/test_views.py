"""Providers' pages: each role sees and changes only what it should (two providers, two members)."""

import io
from decimal import Decimal

import pytest
from django.core import mail

from alliance.models import AuditEntry
from alliance.providers import services
from alliance.providers.models import ProgramSubmission, ReviewComment, ReviewVote
from credentials.models import Program
from tests.credentials.factories import OutcomeReportFactory
from tests.pages import page_html

from ..factories import CredentialFactory
from .factories import PDF, SubmissionFactory, approve_verified, evidence_add

pytestmark = pytest.mark.django_db


def test_the_portal_lists_only_the_providers_own_submissions(
    client, account_a, submission_a, submission_b
):
    client.force_login(account_a.user)
    response = client.get("/providers/portal/")
    assert response.status_code == 200
    html = page_html(response)
    assert submission_a.name in html
    assert submission_b.name not in html


def test_the_portal_asks_a_visitor_to_sign_in(client):
    response = client.get("/providers/portal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_provider_a_cannot_open_or_change_b_s_submission_orevidence_add(
    client, account_a, account_b, submission_b
):
    evidence = evidence_add(account_b, submission_b)
    client.force_login(account_a.user)
    page = f"/providers/portal/submissions/{submission_b.pk}/"
    assert client.get(page).status_code == 404
    assert client.post(page, {"name": "Hijacked"}).status_code == 404
    upload = io.BytesIO(PDF)
    upload.name = "x.pdf"
    assert client.post(page + "evidence/", {"file": upload}).status_code == 404
    assert client.get(f"/providers/evidence/{evidence.pk}/").status_code == 404
    submission_b.refresh_from_db()
    assert submission_b.name != "Hijacked"
    assert submission_b.evidence.count() == 1


def test_a_provider_downloads_its_own_evidence_privately(client, account_a, submission_a):
    evidence = evidence_add(account_a, submission_a)
    client.force_login(account_a.user)
    response = client.get(f"/providers/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]


def test_members_cannot_open_evidence_or_the_review_pages(
    client, admin_user, other_admin, account_a, submission_a
):
    evidence = evidence_add(account_a, submission_a)
    for user in (admin_user, other_admin):
        client.force_login(user)
        assert client.get(f"/providers/evidence/{evidence.pk}/").status_code == 404
        assert client.get("/alliance/task-force/providers/").status_code == 403
        assert client.get("/alliance/task-force/providers/invite/").status_code == 403
        review = f"/alliance/task-force/providers/submissions/{submission_a.pk}/"
        assert client.get(review).status_code == 403
        assert client.post(review, {"vote": "1", "choice": "approve"}).status_code == 403
    assert not ReviewVote.objects.exists()


def test_a_provider_cannot_review_its_own_submission(client, account_a, submission_a):
    client.force_login(account_a.user)
    review = f"/alliance/task-force/providers/submissions/{submission_a.pk}/"
    response = client.post(
        review, {"decide": "1", "decide-decision": "approve", "decide-reason": "Great"}
    )
    assert response.status_code == 403
    submission_a.refresh_from_db()
    assert submission_a.status == "submitted"


def _form(account, occupation, **changes):  # type: ignore[no-untyped-def]
    return {
        "provider": account.provider.slug,
        "name": "Help Desk Nights",
        "occupation": occupation.soc_code,
        "cip_code": "11.1006",
        "duration_weeks": "10",
        "total_cost_usd": "2500",
        "online": "on",
        "vocabulary": "cirr",
        "period": "Graduates of 2025",
        "employed_in_field_180_days_pct": "66",
    } | changes


def test_a_provider_sends_a_program_through_the_form(client, account_a, tech_occupation):
    client.force_login(account_a.user)
    response = client.post("/providers/portal/submissions/new/", _form(account_a, tech_occupation))
    assert response.status_code == 302
    submission = ProgramSubmission.objects.get()
    assert (submission.provider, submission.submitted_by) == (account_a.provider, account_a.user)


def test_a_bad_form_keeps_what_was_typed_and_says_why(client, account_a, tech_occupation):
    client.force_login(account_a.user)
    response = client.post(
        "/providers/portal/submissions/new/", _form(account_a, tech_occupation, cip_code="1106")
    )
    assert response.status_code == 400
    html = page_html(response)
    assert "Write the CIP code as two digits, a dot, four digits." in html
    assert 'value="Help Desk Nights"' in html
    assert not ProgramSubmission.objects.exists()


def test_a_provider_cannot_send_for_another_provider_by_slug(client, account_a, account_b):
    client.force_login(account_a.user)
    response = client.post(
        "/providers/portal/submissions/new/", {"provider": account_b.provider.slug}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in page_html(response)


def test_the_provider_sees_comments_meant_for_it_only(
    client, account_a, submission_a, task_force_user
):
    services.review_comment(
        actor=task_force_user, submission=submission_a, body="Please add the cohort page.",
        for_provider=True,
    )  # fmt: skip
    services.review_comment(
        actor=task_force_user, submission=submission_a, body="Internal: check the bootcamp.",
        for_provider=False,
    )  # fmt: skip
    client.force_login(account_a.user)
    response = client.get(f"/providers/portal/submissions/{submission_a.pk}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Please add the cohort page." in html
    assert "Internal: check the bootcamp." not in html
    assert "Sent, waiting for a reviewer" in html


def test_two_task_force_members_assign_comment_vote_and_decide(
    client, account_a, submission_a, task_force_user, second_task_force_user
):
    evidence_add(account_a, submission_a)
    review = f"/alliance/task-force/providers/submissions/{submission_a.pk}/"
    client.force_login(task_force_user)
    assert client.get(review).status_code == 200
    assert (
        client.post(review, {"assign": "1", "assign-reviewer": task_force_user.pk}).status_code
        == 302
    )
    assert (
        client.post(
            review,
            {"comment": "1", "comment-body": "Cohort page, please.", "comment-for_provider": "on"},
        ).status_code
        == 302
    )
    assert client.post(review, {"vote": "1", "choice": "changes"}).status_code == 302
    assert client.post(review, {"vote": "1", "choice": "approve"}).status_code == 302
    client.force_login(second_task_force_user)
    assert client.post(review, {"vote": "1", "choice": "approve"}).status_code == 302
    assert ReviewVote.objects.filter(submission=submission_a).count() == 2
    response = client.post(
        review,
        {
            "decide": "1",
            "decide-decision": "approve",
            "decide-reason": "Evidence matches.",
            "decide-outcomes_verified": "on",
        },
    )
    assert response.status_code == 302
    submission_a.refresh_from_db()
    assert submission_a.status == "approved"
    assert ReviewComment.objects.get().for_provider
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "provider_submission.assign",
        "provider_submission.comment",
        "provider_submission.vote",
        "provider_submission.decide",
    } <= actions


def test_a_decision_without_a_reason_is_refused(client, submission_a, task_force_user):
    client.force_login(task_force_user)
    review = f"/alliance/task-force/providers/submissions/{submission_a.pk}/"
    response = client.post(review, {"decide": "1", "decide-decision": "reject"})
    assert response.status_code == 400
    submission_a.refresh_from_db()
    assert submission_a.status == "submitted"


def test_the_approved_program_shows_verified_by_the_task_force(
    client, account_a, submission_a, task_force_user
):
    approve_verified(account=account_a, submission=submission_a, reviewer=task_force_user)
    program = Program.objects.get()
    response = client.get(f"/programs/{program.pk}/")
    assert response.status_code == 200
    assert "Verified by the task force on" in page_html(response)
    api = client.get(f"/api/v1/programs/{program.pk}/")
    assert api.status_code == 200
    assert api.json()["outcome_provenance"].startswith("Verified by the task force on")


def test_the_queue_query_count_is_constant(
    client, task_force_user, tech_occupation, django_assert_num_queries
):
    SubmissionFactory(occupation=tech_occupation)
    client.force_login(task_force_user)
    # session, user, task-force group, the account menu's memberships, the queue (votes and
    # files counted in it), invitations with their stage, recent decisions, providers' outcome
    # reports to verify (with credential and provider)
    with django_assert_num_queries(8):
        assert client.get("/alliance/task-force/providers/").status_code == 200
    for _ in range(5):
        SubmissionFactory(occupation=tech_occupation, total_cost_usd=Decimal(1))
        OutcomeReportFactory(credential=CredentialFactory(), self_reported=True)
    with django_assert_num_queries(8):
        assert client.get("/alliance/task-force/providers/").status_code == 200


def test_the_invite_page_sends_a_link_for_a_gap(client, task_force_user, tech_occupation):
    client.force_login(task_force_user)
    page = "/alliance/task-force/providers/invite/"
    response = client.get(page + f"?occupation={tech_occupation.soc_code}&level=high_school")
    assert response.status_code == 200
    response = client.post(
        page,
        {
            "email": "lead@gamma.org",
            "organisation": "Gamma Tech",
            "kind": "bootcamp",
            "occupation": tech_occupation.soc_code,
            "education_level": "high_school",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/providers/invitations/" in mail.outbox[0].body


def test_the_portal_query_count_is_constant(
    client, account_a, tech_occupation, django_assert_num_queries
):
    SubmissionFactory(provider=account_a.provider, occupation=tech_occupation)
    client.force_login(account_a.user)
    # session, user, the account menu's memberships, the user's providers, their submissions
    # (files counted), their gap invitations with stage
    with django_assert_num_queries(6):
        assert client.get("/providers/portal/").status_code == 200
    for _ in range(4):
        SubmissionFactory(provider=account_a.provider, occupation=tech_occupation)
    with django_assert_num_queries(6):
        assert client.get("/providers/portal/").status_code == 200


def test_the_gaps_page_query_count_is_constant(client, django_assert_num_queries):
    from .test_gaps import _occupations

    _occupations(1)
    # the counts and ranking (one statement), the invitations by stage
    with django_assert_num_queries(2):
        assert client.get("/alliance/gaps/").status_code == 200
    _occupations(8)
    with django_assert_num_queries(2):
        assert client.get("/alliance/gaps/").status_code == 200


def test_signing_in_without_a_next_page_lands_a_provider_in_its_portal(client, account_a):
    response = client.post(
        "/accounts/login/",
        {"username": account_a.user.username, "password": "correct horse battery"},
    )
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 302
    assert landing["Location"] == "/providers/portal/"


def test_a_member_still_lands_in_the_member_portal(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/portal/").status_code == 200


def test_the_catalog_card_names_the_cirr_terms_and_the_verification(
    client, account_a, submission_a, task_force_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the search index is filled then
        approve_verified(account=account_a, submission=submission_a, reviewer=task_force_user)
    response = client.get("/programs/", {"q": submission_a.name})
    assert response.status_code == 200
    html = page_html(response)
    assert "70% employed in the field within 180 days of finishing" in html
    assert "employed 2 quarters after finishing" not in html
    assert "Verified by the task force on" in html
