"""Providers' writes: invitations, submissions, evidence files and the task force's review."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.utils import timezone

from alliance.models import AuditEntry
from alliance.providers import services
from alliance.providers.models import (
    Evidence,
    ProgramSubmission,
    ProviderAccount,
    ReviewVote,
    SubmissionStatus,
)
from credentials.models import Program, ProgramSource

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n"


def _data(occupation, **changes):  # type: ignore[no-untyped-def]
    data = {
        "name": "Help Desk Fast Track",
        "occupation": occupation,
        "cip_code": "11.1006",
        "online": True,
        "duration_weeks": Decimal(12),
        "total_cost_usd": Decimal(0),
        "vocabulary": "wioa",
        "period": "Exits in 2025",
        "employment_rate_q2_pct": Decimal("71.0"),
        "median_earnings_q2_usd": 10400,
        "enrolled": 64,
    }
    return data | changes


# --- Invitations ------------------------------------------------------------------------------


def test_only_the_task_force_invites(admin_user, task_force_user):
    with pytest.raises(PermissionDenied):
        services.provider_invitation_create(
            actor=admin_user, email="a@b.org", organisation="X", kind="bootcamp"
        )
    invitation, token = services.provider_invitation_create(
        actor=task_force_user, email=" New@Example.ORG ", organisation="X", kind="bootcamp"
    )
    assert invitation.email == "new@example.org"
    assert services.provider_invitation_from_token(token=token) == invitation
    assert AuditEntry.objects.filter(action="provider_invitation.create").count() == 1


def test_accepting_creates_the_account_and_provider_and_works_once(task_force_user):
    invitation, token = services.provider_invitation_create(
        actor=task_force_user, email="lead@alpha.org", organisation="Alpha Camp", kind="bootcamp"
    )
    user = services.provider_invitation_accept(invitation=invitation, password="s3cret-Pass!")
    account = ProviderAccount.objects.get(user=user)
    assert account.provider.name == "Alpha Camp"
    assert user.check_password("s3cret-Pass!")
    assert services.provider_invitation_from_token(token=token) is None
    with pytest.raises(ValidationError):
        services.provider_invitation_accept(invitation=invitation, password="x")
    assert AuditEntry.objects.filter(action="provider_invitation.accept").count() == 1


def test_an_expired_or_forged_link_opens_nothing(task_force_user):
    invitation, token = services.provider_invitation_create(
        actor=task_force_user, email="late@x.org", organisation="Late", kind="bootcamp"
    )
    assert services.provider_invitation_from_token(token=token + "x") is None
    invitation.expires_at = timezone.now() - timedelta(seconds=1)
    invitation.save()
    assert services.provider_invitation_from_token(token=token) is None


# --- Submissions ------------------------------------------------------------------------------


def test_a_provider_sends_a_program_and_it_is_audited(account_a, tech_occupation):
    submission = services.submission_save(
        actor=account_a.user, provider=account_a.provider, data=_data(tech_occupation)
    )
    assert submission.status == SubmissionStatus.SUBMITTED
    entry = AuditEntry.objects.get(action="provider_submission.create")
    assert entry.after["employment_rate_q2_pct"] == "71.0"


def test_provider_b_cannot_send_or_change_for_provider_a(account_a, account_b, submission_a):
    with pytest.raises(PermissionDenied):
        services.submission_save(
            actor=account_b.user,
            provider=account_a.provider,
            data=_data(submission_a.occupation),
        )
    with pytest.raises(PermissionDenied):
        services.submission_save(
            actor=account_b.user,
            provider=account_b.provider,
            data=_data(submission_a.occupation),
            submission=submission_a,
        )


def test_figures_must_fit_the_chosen_terms(account_a, tech_occupation):
    with pytest.raises(ValidationError) as error:
        services.submission_save(
            actor=account_a.user,
            provider=account_a.provider,
            data=_data(tech_occupation, employment_rate_q2_pct=None, graduated_on_time_pct=120),
        )
    assert set(error.value.message_dict) == {"employment_rate_q2_pct", "graduated_on_time_pct"}
    assert not ProgramSubmission.objects.exists()


def test_a_change_after_a_request_for_changes_goes_back_to_the_queue(
    account_a, submission_a, task_force_user
):
    services.review_decide(
        actor=task_force_user, submission=submission_a, decision="changes", reason="Add cohort."
    )
    changed = services.submission_save(
        actor=account_a.user,
        provider=account_a.provider,
        data={"name": "Renamed", **_data(submission_a.occupation, name="Renamed")},
        submission=submission_a,
    )
    assert (changed.status, changed.name) == (SubmissionStatus.SUBMITTED, "Renamed")
    assert AuditEntry.objects.get(action="provider_submission.update").before["name"] != "Renamed"


# --- Evidence ---------------------------------------------------------------------------------


def test_evidence_is_kept_privately_with_its_hash(account_a, submission_a):
    evidence = services.evidence_add(
        actor=account_a.user, submission=submission_a, upload=io.BytesIO(PDF), filename="r.pdf"
    )
    assert evidence.content_type == "application/pdf"
    assert storages["private"].exists(evidence.stored_path)
    assert evidence.stored_path.startswith("providers/evidence/")
    assert AuditEntry.objects.filter(action="provider_evidence.add").count() == 1


@pytest.mark.parametrize(
    "name,content,status",
    [
        ("report.exe", b"MZ...", 415),
        ("report.pdf", b"<html>not a pdf</html>", 415),
        ("report.csv", b"\xff\xfe\x00bad", 415),
        ("report.pdf", b"", 400),
    ],
)
def test_evidence_of_the_wrong_type_is_refused(account_a, submission_a, name, content, status):
    with pytest.raises(services.EvidenceRefused) as refused:
        services.evidence_add(
            actor=account_a.user,
            submission=submission_a,
            upload=io.BytesIO(content),
            filename=name,
        )
    assert refused.value.status == status
    assert not Evidence.objects.exists()


def test_evidence_over_the_size_limit_is_refused(settings, account_a, submission_a):
    settings.PROVIDERS_EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(services.EvidenceRefused) as refused:
        services.evidence_add(
            actor=account_a.user,
            submission=submission_a,
            upload=io.BytesIO(PDF + b"0" * 2000),
            filename="big.pdf",
        )
    assert refused.value.status == 413


def test_a_full_disk_refuses_the_file_and_leaves_nothing(full_storage, account_a, submission_a):
    with pytest.raises(services.EvidenceRefused) as refused:
        services.evidence_add(
            actor=account_a.user,
            submission=submission_a,
            upload=io.BytesIO(PDF + b"0" * 200_000),  # more than the 64 KB disk
            filename="r.pdf",
        )
    assert refused.value.status == 503
    assert "storage is full" in refused.value.message
    assert not Evidence.objects.exists()
    assert [p for p in full_storage.rglob("*") if p.is_file()] == []


def test_another_provider_cannot_add_evidence(account_b, submission_a):
    with pytest.raises(PermissionDenied):
        services.evidence_add(
            actor=account_b.user, submission=submission_a, upload=io.BytesIO(PDF), filename="a.pdf"
        )


# --- Review -----------------------------------------------------------------------------------


def test_a_reviewer_votes_once_and_may_change_the_vote_until_the_decision(
    submission_a, task_force_user
):
    services.review_vote(actor=task_force_user, submission=submission_a, choice="reject")
    services.review_vote(actor=task_force_user, submission=submission_a, choice="approve")
    assert list(ReviewVote.objects.values_list("choice", flat=True)) == ["approve"]
    services.review_decide(
        actor=task_force_user, submission=submission_a, decision="reject", reason="No cohort."
    )
    with pytest.raises(ValidationError):
        services.review_vote(actor=task_force_user, submission=submission_a, choice="approve")
    assert AuditEntry.objects.filter(action="provider_submission.vote").count() == 2


def test_members_and_providers_cannot_review(admin_user, account_a, submission_a):
    for outsider in (admin_user, account_a.user):
        with pytest.raises(PermissionDenied):
            services.review_vote(actor=outsider, submission=submission_a, choice="approve")
        with pytest.raises(PermissionDenied):
            services.review_decide(
                actor=outsider, submission=submission_a, decision="approve", reason="Mine."
            )


def test_only_a_task_force_member_can_be_assigned(admin_user, submission_a, task_force_user):
    with pytest.raises(ValidationError):
        services.review_assign(actor=task_force_user, submission=submission_a, reviewer=admin_user)
    assigned = services.review_assign(
        actor=task_force_user, submission=submission_a, reviewer=task_force_user
    )
    assert assigned.status == SubmissionStatus.IN_REVIEW


def test_verified_outcomes_need_evidence(submission_a, task_force_user):
    with pytest.raises(ValidationError) as error:
        services.review_decide(
            actor=task_force_user,
            submission=submission_a,
            decision="approve",
            reason="Fine.",
            outcomes_verified=True,
        )
    assert "outcomes_verified" in error.value.message_dict
    assert not Program.objects.exists()


def test_approval_publishes_a_catalog_program_with_verified_outcomes(
    account_a, submission_a, task_force_user, second_task_force_user
):
    services.evidence_add(
        actor=account_a.user, submission=submission_a, upload=io.BytesIO(PDF), filename="r.pdf"
    )
    services.review_vote(actor=task_force_user, submission=submission_a, choice="approve")
    services.review_vote(actor=second_task_force_user, submission=submission_a, choice="changes")
    decided = services.review_decide(
        actor=task_force_user,
        submission=submission_a,
        decision="approve",
        reason="Evidence matches.",
        outcomes_verified=True,
    )
    program = Program.objects.get()
    assert decided.program == program
    assert program.source == ProgramSource.PROVIDER
    assert program.outcomes_verified_on == timezone.localdate()
    assert (program.employment_rate_pct, program.earnings_usd) == (Decimal("70.0"), 52000)
    entry = AuditEntry.objects.get(action="provider_submission.decide")
    assert entry.after["votes"] == {"approve": 1, "changes": 1, "reject": 0}
    assert entry.after["program"] == program.pk


def test_approval_without_checking_says_reported_by_the_provider(submission_a, task_force_user):
    services.review_decide(
        actor=task_force_user, submission=submission_a, decision="approve", reason="Looks right."
    )
    program = Program.objects.get()
    assert program.outcomes_verified_on is None
    assert program.outcomes_self_reported is True
