"""Services of the Alliance: each change is checked, written and audited in one transaction."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alliance import services
from alliance.models import (
    AuditEntry,
    CertificationDecision,
    CertificationStatus,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    CredentialRecognition,
    HiringStandardStatus,
    Membership,
    RecognitionKind,
)
from credentials.models import ComparisonIndex

from .factories import CertificationDecisionFactory, CommitmentFactory, HiringStandardFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_member_admin_signs_a_commitment_and_it_is_audited(member, admin_user):
    commitment = services.commitment_sign(
        actor=admin_user,
        member=member,
        kind=CommitmentKind.HIRING_DATA,
        deadline=TODAY + timedelta(days=365),
        signer_name="Ana Ruiz",
        signed_on=TODAY,
    )
    entry = AuditEntry.objects.get(action="commitment.sign")
    assert entry.actor == admin_user
    assert entry.member == member
    assert entry.object_id == str(commitment.pk)
    assert entry.after["signer_name"] == "Ana Ruiz"


def test_viewer_cannot_sign_and_nothing_is_written(member, viewer_user):
    with pytest.raises(PermissionDenied):
        services.commitment_sign(
            actor=viewer_user,
            member=member,
            kind=CommitmentKind.HIRING_DATA,
            deadline=TODAY + timedelta(days=30),
            signer_name="X",
        )
    assert not Commitment.objects.exists()
    assert not AuditEntry.objects.exists()


def test_admin_of_another_member_cannot_sign_for_this_one(member, other_admin):
    with pytest.raises(PermissionDenied):
        services.commitment_sign(
            actor=other_admin,
            member=member,
            kind=CommitmentKind.HIRING_DATA,
            deadline=TODAY + timedelta(days=30),
            signer_name="X",
        )


def test_deadline_before_signing_is_refused(member, admin_user):
    with pytest.raises(ValidationError) as error:
        services.commitment_sign(
            actor=admin_user,
            member=member,
            kind=CommitmentKind.HIRING_DATA,
            deadline=TODAY - timedelta(days=1),
            signer_name="X",
            signed_on=TODAY,
        )
    assert "deadline" in error.value.message_dict


def test_board_status_is_computed_against_the_deadline(member):
    on_track = CommitmentFactory(member=member, deadline=TODAY + timedelta(days=1))
    overdue = CommitmentFactory(
        member=member, kind=CommitmentKind.APPRENTICESHIP, deadline=TODAY - timedelta(days=1)
    )
    done = CommitmentFactory(
        member=member,
        kind=CommitmentKind.HIRING_STANDARDS,
        deadline=TODAY - timedelta(days=1),
        status=CommitmentStatus.DATA_SUBMITTED,
    )
    statuses = dict(
        Commitment.objects.with_board_status(today=TODAY).values_list("id", "board_status")
    )
    assert statuses == {
        on_track.id: "on_track",
        overdue.id: "overdue",
        done.id: "data_submitted",
    }


def _through_review(credential, actor, day=TODAY):  # type: ignore[no-untyped-def]
    services.certification_decide(
        actor=actor, credential=credential, status="proposed", decided_on=day
    )
    services.certification_decide(
        actor=actor, credential=credential, status="under_review", decided_on=day
    )


def test_certification_workflow_records_votes_audits_and_refreshes_the_index(
    credential, task_force_user, refreshes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _through_review(credential, task_force_user)
        services.certification_vote(actor=task_force_user, credential=credential, choice="for")
        decision = services.certification_decide(
            actor=task_force_user,
            credential=credential,
            status="certified",
            rationale="Public exam outline; employers ask for it.",
            decided_on=TODAY,
            expires_on=TODAY + timedelta(days=730),
        )
    assert decision.effective_on == TODAY
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (1, 0, 0)
    assert list(
        AuditEntry.objects.filter(action__startswith="certification.")
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "certification.proposed",
        "certification.under_review",
        "certification.vote",
        "certification.certified",
    ]
    # One refresh after the commit, for this credential; the alliance wrote its columns.
    assert refreshes == [[credential.id]]
    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert (row.certified, row.certification_status) == (True, "certified")
    assert row.certification_expires_on == TODAY + timedelta(days=730)


def test_certification_cannot_skip_review(credential, task_force_user):
    with pytest.raises(ValidationError):
        services.certification_decide(
            actor=task_force_user,
            credential=credential,
            status="certified",
            rationale="x",
            expires_on=TODAY + timedelta(days=10),
        )
    assert not CertificationDecision.objects.exists()


def test_certified_needs_rationale_and_expiry(credential, task_force_user):
    _through_review(credential, task_force_user)
    with pytest.raises(ValidationError) as error:
        services.certification_decide(
            actor=task_force_user, credential=credential, status="certified", decided_on=TODAY
        )
    assert "rationale" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.certification_decide(
            actor=task_force_user,
            credential=credential,
            status="certified",
            rationale="ok",
            decided_on=TODAY,
        )
    assert "expires_on" in error.value.message_dict


def test_member_admin_is_not_task_force(credential, admin_user):
    with pytest.raises(PermissionDenied):
        services.certification_decide(actor=admin_user, credential=credential, status="proposed")


def test_beat_task_lapses_expired_certifications_once(
    credential, refreshes, django_capture_on_commit_callbacks
):
    CertificationDecisionFactory(
        credential=credential,
        decided_on=TODAY - timedelta(days=800),
        expires_on=TODAY - timedelta(days=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        first = services.certifications_lapse_expired(today=TODAY)
    second = services.certifications_lapse_expired(today=TODAY)
    assert first["lapsed"] == 1 and second["lapsed"] == 0
    newest = services.certification_current_decision(credential=credential)
    assert newest.status == CertificationStatus.LAPSED
    assert AuditEntry.objects.filter(action="certification.lapsed").count() == 1
    # Written by a job with no page language: the note is stored in every language.
    expired_on = TODAY - timedelta(days=1)
    assert newest.rationale_en == f"The certification expired on {expired_on}; a new review is due."
    assert (
        newest.rationale_es == f"La certificación venció el {expired_on}; toca una nueva revisión."
    )
    assert refreshes == [[credential.id]]
    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert (row.certified, row.certification_status) == (False, "lapsed")


def test_beat_task_marks_re_review_due_without_lapsing(credential):
    decision = CertificationDecisionFactory(
        credential=credential,
        next_review_on=TODAY - timedelta(days=1),
        expires_on=TODAY + timedelta(days=100),
    )
    result = services.certifications_lapse_expired(today=TODAY)
    decision.refresh_from_db()
    assert result == {"lapsed": 0, "review_due": 1}
    assert decision.review_due_since == TODAY
    assert services.certifications_lapse_expired(today=TODAY)["review_due"] == 0


def test_celery_task_runs_the_lapse(credential):
    from alliance.tasks import certifications_lapse_task

    CertificationDecisionFactory(
        credential=credential,
        decided_on=timezone.localdate() - timedelta(days=800),
        expires_on=timezone.localdate() - timedelta(days=1),
    )
    assert certifications_lapse_task.delay().get()["lapsed"] == 1


def test_recognition_set_and_remove_are_audited(
    member, admin_user, credential, refreshes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recognition = services.recognition_set(
            actor=admin_user, member=member, credential=credential, kind=RecognitionKind.REQUIRES
        )
        services.recognition_remove(actor=admin_user, recognition=recognition)
    assert not CredentialRecognition.objects.exists()
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "recognition.add",
        "recognition.remove",
    ]
    assert refreshes == [[credential.id]]
    assert ComparisonIndex.objects.get(pk=credential.pk).recognition_count == 0


def test_recognition_twice_is_refused_clearly(member, admin_user, credential):
    services.recognition_set(actor=admin_user, member=member, credential=credential, kind="accepts")
    with pytest.raises(ValidationError):
        services.recognition_set(
            actor=admin_user, member=member, credential=credential, kind="accepts"
        )
    assert CredentialRecognition.objects.count() == 1


def test_standard_submitted_then_approved_by_task_force(
    member, admin_user, occupation, task_force_user
):
    standard = services.hiring_standard_save(
        actor=admin_user,
        member=member,
        data={"occupation": occupation, "title": "Help desk", "screening_steps": "Call"},
        submit=True,
    )
    assert standard.status == HiringStandardStatus.SUBMITTED
    with pytest.raises(PermissionDenied):
        services.hiring_standard_review(actor=admin_user, standard=standard, approve=True)
    services.hiring_standard_review(actor=task_force_user, standard=standard, approve=True)
    standard.refresh_from_db()
    assert standard.status == HiringStandardStatus.APPROVED
    assert standard.approved_on is not None
    assert AuditEntry.objects.filter(action="standard.approve", member=member).exists()


def test_returning_a_standard_needs_a_note(member, task_force_user):
    standard = HiringStandardFactory(member=member, status=HiringStandardStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        services.hiring_standard_review(actor=task_force_user, standard=standard, approve=False)


def test_oversized_standard_text_is_refused(member, admin_user, occupation):
    with pytest.raises(ValidationError):
        services.hiring_standard_save(
            actor=admin_user,
            member=member,
            data={"occupation": occupation, "title": "x" * 201},
        )


def test_invitation_token_round_trip_and_accept(member, admin_user):
    invitation, token = services.invitation_create(
        actor=admin_user, member=member, email="New.Person@Example.org", role="submitter"
    )
    assert services.invitation_from_token(token=token) == invitation
    user = services.invitation_accept(invitation=invitation, password="a long new passphrase")
    assert user.check_password("a long new passphrase")
    assert Membership.objects.get(user=user).role == "submitter"
    assert services.invitation_from_token(token=token) is None  # used once


def test_forged_invitation_token_is_refused(member, admin_user):
    _, token = services.invitation_create(
        actor=admin_user, member=member, email="a@example.org", role="admin"
    )
    assert services.invitation_from_token(token=token[:-2] + "xx") is None
    assert services.invitation_from_token(token="not-a-token") is None


def test_an_accepted_hiring_data_file_marks_the_data_commitment_done(member):
    commitment = CommitmentFactory(member=member, signed_on=date.today() - timedelta(days=5))
    board = lambda: Commitment.objects.with_board_status(today=date.today()).get().board_status  # noqa: E731
    assert board() == "on_track"

    marked = services.commitments_hiring_data_filed(member_id=member.pk, filed_at=timezone.now())

    assert marked == 1
    assert board() == "data_submitted"
    commitment.refresh_from_db()
    assert (commitment.status, commitment.done_on) == ("data_submitted", timezone.localdate())


@pytest.mark.parametrize(
    ("uploaded_utc", "expected"),
    [
        # 21:00 in New York the evening before signing, already the signing date in UTC.
        (datetime(2026, 3, 2, 2, 0, tzinfo=UTC), "on_track"),
        # 00:30 in New York on the signing date (05:30 UTC).
        (datetime(2026, 3, 2, 5, 30, tzinfo=UTC), "data_submitted"),
    ],
)
def test_a_file_counts_for_the_data_commitment_from_the_local_signing_date(
    member, settings, uploaded_utc, expected
):
    settings.TIME_ZONE = "America/New_York"
    CommitmentFactory(member=member, signed_on=date(2026, 3, 2), deadline=date(2026, 9, 30))

    services.commitments_hiring_data_filed(member_id=member.pk, filed_at=uploaded_utc)

    commitment = Commitment.objects.with_board_status(today=date(2026, 3, 10)).get()
    assert commitment.board_status == expected


def test_a_decision_cannot_be_dated_in_the_future(credential, task_force_user):
    with pytest.raises(ValidationError) as error:
        services.certification_decide(
            actor=task_force_user,
            credential=credential,
            status="proposed",
            decided_on=timezone.localdate() + timedelta(days=1),
        )
    assert "decided_on" in error.value.message_dict
    assert not CertificationDecision.objects.exists()


def test_a_standard_written_in_spanish_also_shows_in_english(member, admin_user, occupation):
    from django.utils import translation

    with translation.override("es"):
        standard = services.hiring_standard_save(
            actor=admin_user, member=member, data={"occupation": occupation, "title": "Prueba"}
        )
    assert (standard.title_es, standard.title_en) == ("Prueba", "Prueba")


@pytest.mark.parametrize(
    ("now_utc", "certified"),
    [
        # 21:00 on the expiry day in New York, already the next day in UTC: still certified.
        (datetime(2026, 3, 3, 2, 0, tzinfo=UTC), True),
        # 00:30 the day after expiry in New York: lapsed, in the task and in the index alike.
        (datetime(2026, 3, 3, 5, 30, tzinfo=UTC), False),
    ],
)
def test_lapse_task_and_comparison_index_agree_on_today(
    credential, settings, monkeypatch, now_utc, certified
):
    from alliance.tasks import certifications_lapse_task
    from credentials.models import ComparisonIndex
    from credentials.services import comparison_index_refresh

    settings.TIME_ZONE = "America/New_York"
    CertificationDecisionFactory(
        credential=credential, decided_on=date(2024, 3, 2), expires_on=date(2026, 3, 2)
    )
    monkeypatch.setattr(timezone, "now", lambda: now_utc)

    comparison_index_refresh(credential_ids=[credential.pk])
    index_certified = ComparisonIndex.objects.get(pk=credential.pk).certified
    lapsed = certifications_lapse_task()["lapsed"]

    assert index_certified is certified
    assert lapsed == (0 if certified else 1)


def test_two_decisions_on_one_day_the_later_row_is_current_everywhere(credential):
    """The tie-break (decided_on, then created_at, then id) is the same in Python and SQL."""
    from alliance.selectors import certification_current
    from credentials.services import comparison_index_refresh

    day = date(2026, 3, 1)
    CertificationDecisionFactory(credential=credential, decided_on=day, expires_on=None)
    later = CertificationDecisionFactory(
        credential=credential, status="under_review", decided_on=day, expires_on=None
    )
    CertificationDecision.objects.update(created_at=datetime(2026, 3, 1, 9, tzinfo=UTC))

    assert services.certification_current_decision(credential=credential) == later
    assert certification_current(today=TODAY)[credential.pk] == later
    comparison_index_refresh(credential_ids=[credential.pk])
    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert (row.certification_status, row.certified) == ("under_review", False)


def test_a_certification_not_yet_in_effect_is_not_active(credential):
    from credentials.services import comparison_index_refresh

    CertificationDecisionFactory(
        credential=credential,
        decided_on=TODAY,
        effective_on=TODAY + timedelta(days=10),
        expires_on=TODAY + timedelta(days=400),
    )
    assert not CertificationDecision.objects.current().active_on(TODAY).exists()
    assert CertificationDecision.objects.current().active_on(TODAY + timedelta(days=10)).exists()
    comparison_index_refresh(credential_ids=[credential.pk])
    assert ComparisonIndex.objects.get(pk=credential.pk).certified is False
