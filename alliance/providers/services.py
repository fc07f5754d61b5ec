"""Writes of the providers' area and the task force's review; each lands in the audit log."""

import logging
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance.services import audit_record
from careerportal import private_files
from credentials.models import OutcomeReport, Provider
from credentials.programs.models import CalendarLength, Program, ProgramSource
from credentials.programs.services import (
    program_places_refresh,
    program_search_refresh,
    search_text_build,
)
from pathways.models import Cip, Occupation

from .models import (
    EDITABLE_STATUSES,
    OPEN_STATUSES,
    Evidence,
    OutcomeVocabulary,
    ProgramSubmission,
    ProviderAccount,
    ProviderInvitation,
    ReviewComment,
    ReviewVote,
    ReviewVoteChoice,
    SubmissionStatus,
)
from .permissions import acts_for_provider, is_task_force

logger = logging.getLogger(__name__)

INVITATION_SALT = "alliance.providers.invitation"
INVITATION_DAYS = 14
# "Short" and "affordable" in the gap analysis; approval files programs by the same lengths.
SHORT_WEEKS = 26
AFFORDABLE_USD = 5000


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


# --- Invitations ------------------------------------------------------------------------------


def provider_invitation_create(
    *,
    actor: User,
    email: str,
    organisation: str,
    kind: str,
    provider: Provider | None = None,
    occupation: Occupation | None = None,
    education_level: str = "",
    message: str = "",
    is_synthetic: bool = False,
) -> tuple[ProviderInvitation, str]:
    """The task force invites a provider (to fill a gap when an occupation is given)."""
    _require(is_task_force(actor))
    if education_level and occupation is None:
        raise ValidationError({"education_level": _("Choose the occupation of the gap too.")})
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    with transaction.atomic():
        invitation = ProviderInvitation.objects.create(
            email=email,
            organisation=organisation.strip(),
            kind=kind,
            provider=provider,
            occupation=occupation,
            education_level=education_level,
            message=message,
            invited_by=actor,
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
            is_synthetic=is_synthetic,
        )
        audit_record(
            actor=actor,
            action="provider_invitation.create",
            obj=invitation,
            after={
                "email": email,
                "organisation": invitation.organisation,
                "occupation": occupation.soc_code if occupation else None,
                "education_level": education_level,
            },
        )
    return invitation, provider_invitation_token(invitation=invitation)


def provider_invitation_token(*, invitation: ProviderInvitation) -> str:
    return signing.dumps({"id": invitation.pk, "email": invitation.email}, salt=INVITATION_SALT)


def provider_invitation_from_token(*, token: str) -> ProviderInvitation | None:
    """The open invitation a token names, or None when forged, expired or already used."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        return None
    return (
        ProviderInvitation.objects.select_related("provider", "occupation")
        .filter(
            pk=payload.get("id"),
            email=payload.get("email"),
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )


def _provider_slug(name: str) -> str:
    base = slugify(name)[:100] or "provider"
    taken = set(Provider.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def provider_invitation_accept(
    *, invitation: ProviderInvitation, password: str | None, user: Any = None
) -> User:
    """Use the link: a new user sets a password (a signed-in invitee just joins); the provider
    is the invitation's, or a new catalog provider of that name."""
    User = get_user_model()
    with transaction.atomic():
        invitation = ProviderInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
            raise ValidationError(_("This invitation has already been used or has expired."))
        if user is None:
            if User.objects.filter(email__iexact=invitation.email).exists():
                raise ValidationError(
                    _("An account with this email exists: sign in first, then open the link.")
                )
            user = User.objects.create_user(
                username=invitation.email, email=invitation.email, password=password
            )
        elif (user.email or "").lower() != invitation.email:
            raise PermissionDenied
        provider = invitation.provider or Provider.objects.create(
            name=invitation.organisation,
            slug=_provider_slug(invitation.organisation),
            kind=invitation.kind,
            is_synthetic=invitation.is_synthetic,
        )
        ProviderAccount.objects.get_or_create(user=user, provider=provider)
        invitation.provider = provider
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["provider", "accepted_at", "accepted_by"])
        audit_record(
            actor=user,
            action="provider_invitation.accept",
            obj=invitation,
            after={"email": invitation.email, "provider": provider.slug},
        )
    return user


# --- Submissions ------------------------------------------------------------------------------

SUBMISSION_FIELDS = (
    "name", "description", "occupation", "cip_code", "starting_education", "credential_earned",
    "online", "city", "state", "zip_code", "duration_weeks", "clock_hours", "total_cost_usd",
    "website", "vocabulary", "period", "enrolled", "graduated_on_time_pct",
    "employed_in_field_180_days_pct", "median_starting_salary_usd", "employment_rate_q2_pct",
    "employment_rate_q4_pct", "median_earnings_q2_usd",
)  # fmt: skip

# The figure each standard cannot do without (the rest may be "not reported").
REQUIRED_FIGURE = {
    OutcomeVocabulary.CIRR: "employed_in_field_180_days_pct",
    OutcomeVocabulary.WIOA: "employment_rate_q2_pct",
}
PERCENT_FIELDS = (
    "graduated_on_time_pct", "employed_in_field_180_days_pct", "employment_rate_q2_pct",
    "employment_rate_q4_pct",
)  # fmt: skip


def _submission_state(submission: ProgramSubmission) -> dict[str, Any]:
    state = {f: getattr(submission, f) for f in SUBMISSION_FIELDS if f != "occupation"}
    state["occupation"] = submission.occupation.soc_code if submission.occupation_id else None
    state["status"] = submission.status
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in state.items()}


def submission_check(*, data: dict[str, Any]) -> None:
    """Refuse figures that do not fit the chosen standard, naming the field."""
    errors: dict[str, list[str]] = {}
    required = REQUIRED_FIGURE.get(data.get("vocabulary", ""))
    if required is None:
        errors["vocabulary"] = [_("Choose CIRR or WIOA.")]
    elif data.get(required) is None:
        errors[required] = [_("This figure is needed for a report in these terms.")]
    for field in PERCENT_FIELDS:
        value = data.get(field)
        if value is not None and not 0 <= value <= 100:
            errors[field] = [_("Give a percentage between 0 and 100.")]
    if not data.get("online") and not data.get("zip_code"):
        errors["zip_code"] = [_("Give the ZIP code where it is taught, or tick “Online”.")]
    if errors:
        raise ValidationError(errors)


def submission_save(
    *,
    actor: User,
    provider: Provider,
    data: dict[str, Any],
    submission: ProgramSubmission | None = None,
    invitation: ProviderInvitation | None = None,
    is_synthetic: bool = False,
) -> ProgramSubmission:
    """Send a new program for review, or change one still open to change (it goes back to the
    queue as sent)."""
    _require(acts_for_provider(actor, provider))
    if submission is not None and submission.provider_id != provider.pk:
        raise PermissionDenied
    if invitation is not None and invitation.provider_id != provider.pk:
        raise PermissionDenied
    submission_check(data=data)
    with transaction.atomic():
        if submission is None:
            submission = ProgramSubmission(
                provider=provider,
                invitation=invitation,
                submitted_by=actor,
                is_synthetic=is_synthetic,
            )
            before = None
            action = "provider_submission.create"
        else:
            submission = ProgramSubmission.objects.select_for_update().get(pk=submission.pk)
            if submission.status not in EDITABLE_STATUSES:
                raise ValidationError(_("This submission is decided and can no longer change."))
            before = _submission_state(submission)
            action = "provider_submission.update"
        for field in SUBMISSION_FIELDS:
            if field in data:
                setattr(submission, field, data[field])
        # A changed submission waits for the task force again, whoever had it before.
        submission.status = SubmissionStatus.SUBMITTED
        submission.save()
        audit_record(
            actor=actor,
            action=action,
            obj=submission,
            before=before,
            after=_submission_state(submission),
        )
    return submission


# --- Evidence files ---------------------------------------------------------------------------

# What an evidence file may be: its name's ending, and how its first bytes must look.
EVIDENCE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    "csv": ("text/csv", ()),
}


@dataclass
class EvidenceRefused(Exception):
    """An evidence file that cannot be kept, with the reason in words and an HTTP status."""

    message: str
    status: int = 400

    def __str__(self) -> str:
        return self.message


def _evidence_type(name: str, head: bytes) -> str:
    """The stored content type, or refuse a file whose name or bytes are not an allowed type."""
    ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ending not in EVIDENCE_TYPES:
        raise EvidenceRefused(_("Send a PDF, PNG, JPEG, CSV or Excel (.xlsx) file."), 415)
    content_type, magics = EVIDENCE_TYPES[ending]
    if magics and not any(head.startswith(magic) for magic in magics):
        raise EvidenceRefused(
            _("This file is not what its name says (%(ending)s). Nothing was saved.")
            % {"ending": ending.upper()},
            415,
        )
    if not magics:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A cut in the middle of a character at the end of the sample is not an error.
            if error.start < len(head) - 3:
                raise EvidenceRefused(_("A CSV file must be UTF-8 text."), 415) from error
    return content_type


def _storage_full() -> EvidenceRefused:
    return EvidenceRefused(
        _("We could not keep your file: our file storage is full. Nothing was saved. "
          "Please try again later."),
        503,
    )  # fmt: skip


def evidence_add(
    *, actor: User, submission: ProgramSubmission, upload: IO[bytes], filename: str
) -> Evidence:
    """Keep one evidence file in private storage (type and size checked; a full disk refuses
    it and leaves nothing)."""
    _require(acts_for_provider(actor, submission.provider))
    if submission.status not in EDITABLE_STATUSES:
        raise EvidenceRefused(_("This submission is decided and can no longer change."), 409)
    if not filename or not filename.strip():
        raise EvidenceRefused(_("Choose a file."))
    name = filename.replace("\\", "/").rsplit("/", 1)[-1][:200]
    limit = settings.PROVIDERS_EVIDENCE_MAX_BYTES
    try:
        copied = private_files.upload_copy(upload, limit=limit)
    except private_files.TooLarge as error:
        raise EvidenceRefused(
            _("The file is larger than %(mb)s MB. Nothing was saved.") % {"mb": limit // 2**20},
            413,
        ) from error
    except private_files.StorageFull as error:
        raise _storage_full() from error
    with copied.file:
        if copied.size == 0:
            raise EvidenceRefused(_("The file is empty. Nothing was saved."))
        content_type = _evidence_type(name, copied.head)
        ending = name.rsplit(".", 1)[-1].lower()
        try:
            stored = private_files.private_save(
                temp=copied.file,
                name=f"providers/evidence/{copied.sha256}.{ending}",
                size=copied.size,
            )
        except private_files.StorageFull as error:
            raise _storage_full() from error
    with transaction.atomic():
        evidence = Evidence.objects.create(
            submission=submission,
            stored_path=stored,
            original_filename=name,
            content_type=content_type,
            size_bytes=copied.size,
            sha256=copied.sha256,
            uploaded_by=actor,
        )
        audit_record(
            actor=actor,
            action="provider_evidence.add",
            obj=evidence,
            after={"submission": submission.pk, "filename": name, "sha256": copied.sha256},
        )
    return evidence


def evidence_open(*, evidence: Evidence) -> IO[bytes]:
    return storages["private"].open(evidence.stored_path, "rb")


# --- The task force's review ------------------------------------------------------------------


def _require_open(submission: ProgramSubmission) -> None:
    if submission.status not in OPEN_STATUSES:
        raise ValidationError(_("This submission is not waiting for the task force."))


def review_assign(
    *, actor: User, submission: ProgramSubmission, reviewer: User | None
) -> ProgramSubmission:
    """Give the submission to one task-force member (or take it back); it is then in review."""
    _require(is_task_force(actor))
    if reviewer is not None and not is_task_force(reviewer):
        raise ValidationError({"reviewer": _("Choose a member of the task force.")})
    with transaction.atomic():
        submission = ProgramSubmission.objects.select_for_update().get(pk=submission.pk)
        _require_open(submission)
        before = {"reviewer": submission.reviewer_id, "status": submission.status}
        submission.reviewer = reviewer
        if reviewer is not None:
            submission.status = SubmissionStatus.IN_REVIEW
        submission.save(update_fields=["reviewer", "status", "updated_at"])
        audit_record(
            actor=actor,
            action="provider_submission.assign",
            obj=submission,
            before=before,
            after={"reviewer": submission.reviewer_id, "status": submission.status},
        )
    return submission


def review_comment(
    *, actor: User, submission: ProgramSubmission, body: str, for_provider: bool
) -> ReviewComment:
    _require(is_task_force(actor))
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write a comment.")})
    with transaction.atomic():
        comment = ReviewComment.objects.create(
            submission=submission, author=actor, body=body, for_provider=for_provider
        )
        audit_record(
            actor=actor,
            action="provider_submission.comment",
            obj=comment,
            after={"submission": submission.pk, "for_provider": for_provider},
        )
    return comment


def review_vote(*, actor: User, submission: ProgramSubmission, choice: str) -> ReviewVote:
    """One vote per task-force member; voting again changes it, until the decision."""
    _require(is_task_force(actor))
    if choice not in ReviewVoteChoice.values:
        raise ValidationError({"choice": _("Choose how you vote.")})
    with transaction.atomic():
        submission = ProgramSubmission.objects.select_for_update().get(pk=submission.pk)
        _require_open(submission)
        vote = ReviewVote.objects.filter(submission=submission, voter=actor).first()
        before = {"choice": vote.choice} if vote else None
        vote, _created = ReviewVote.objects.update_or_create(
            submission=submission, voter=actor, defaults={"choice": choice}
        )
        audit_record(
            actor=actor,
            action="provider_submission.vote",
            obj=submission,
            before=before,
            after={"choice": choice, "voter": actor.pk},
        )
    return vote


DECISION_STATUS = {
    ReviewVoteChoice.APPROVE: SubmissionStatus.APPROVED,
    ReviewVoteChoice.CHANGES: SubmissionStatus.CHANGES_REQUESTED,
    ReviewVoteChoice.REJECT: SubmissionStatus.REJECTED,
}


def review_decide(
    *,
    actor: User,
    submission: ProgramSubmission,
    decision: str,
    reason: str,
    outcomes_verified: bool = False,
) -> ProgramSubmission:
    """Approve (the program joins the catalog), ask for changes or reject, with the reason the
    provider reads. Verified outcomes need at least one evidence file."""
    _require(is_task_force(actor))
    if decision not in DECISION_STATUS:
        raise ValidationError({"decision": _("Choose a decision.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why: the provider reads this.")})
    approve = decision == ReviewVoteChoice.APPROVE
    with transaction.atomic():
        submission = (
            ProgramSubmission.objects.select_for_update(of=("self",))
            .select_related("provider", "occupation")
            .get(pk=submission.pk)
        )
        _require_open(submission)
        if approve and outcomes_verified and not submission.evidence.exists():
            raise ValidationError(
                {"outcomes_verified": _("Outcomes can be verified only against evidence files.")}
            )
        before = {"status": submission.status}
        tally = dict.fromkeys(ReviewVoteChoice.values, 0)
        for choice in submission.votes.values_list("choice", flat=True):
            tally[choice] += 1
        submission.status = DECISION_STATUS[ReviewVoteChoice(decision)]
        submission.decided_on = timezone.localdate()
        submission.decided_by = actor
        submission.decision_reason = reason.strip()
        submission.outcomes_verified = approve and outcomes_verified
        if approve:
            submission.program = _program_publish(submission)
        submission.save()
        audit_record(
            actor=actor,
            action="provider_submission.decide",
            obj=submission,
            before=before,
            after={
                "status": submission.status,
                "reason": submission.decision_reason,
                "outcomes_verified": submission.outcomes_verified,
                "votes": tally,
                "program": submission.program_id,
            },
        )
    if approve:
        transaction.on_commit(_programs_index)
    return submission


def _calendar_length(weeks: Decimal) -> int:
    """The public lists' length range (CalendarLength) for a length in weeks."""
    bounds = (
        (Decimal("0.14"), CalendarLength.LESS_THAN_ONE_DAY),
        (Decimal("0.3"), CalendarLength.ONE_TO_TWO_DAYS),
        (Decimal(1), CalendarLength.THREE_TO_SEVEN_DAYS),
        (Decimal(3), CalendarLength.TWO_TO_THREE_WEEKS),
        (Decimal(12), CalendarLength.FOUR_TO_ELEVEN_WEEKS),
        (Decimal(22), CalendarLength.THREE_TO_FIVE_MONTHS),
        (Decimal(52), CalendarLength.SIX_TO_TWELVE_MONTHS),
        (Decimal(104), CalendarLength.THIRTEEN_MONTHS_TO_TWO_YEARS),
        (Decimal(208), CalendarLength.THREE_TO_FOUR_YEARS),
    )
    for upper, code in bounds:
        if weeks <= upper:
            return int(code)
    return int(CalendarLength.MORE_THAN_FOUR_YEARS)


def _program_publish(submission: ProgramSubmission) -> Program:
    """The catalog program an approved submission becomes (outcomes in the list's columns)."""
    provider = submission.provider
    cip_title = Cip.objects.filter(code=submission.cip_code).values_list("title", flat=True)
    verified = submission.outcomes_verified
    outcomes: dict[str, Any]
    if submission.vocabulary == OutcomeVocabulary.CIRR:
        source = f"CIRR report from {provider.name}"
        outcomes = {
            "employment_rate_pct": submission.employed_in_field_180_days_pct,
            "earnings_usd": submission.median_starting_salary_usd,
        }
    else:
        # As the state lists' yearly figure: four times the quarterly earnings.
        source = f"WIOA report from {provider.name}"
        q2 = submission.median_earnings_q2_usd
        outcomes = {
            "employment_rate_pct": submission.employment_rate_q2_pct,
            "employed_q2_pct": submission.employment_rate_q2_pct,
            "employed_q4_pct": submission.employment_rate_q4_pct,
            "earnings_usd": q2 * 4 if q2 is not None else None,
        }
    return Program.objects.create(
        source=ProgramSource.PROVIDER,
        external_id=f"submission-{submission.pk}",
        source_url=submission.website,
        source_date=timezone.localdate(),
        name=submission.name,
        description=submission.description,
        provider=provider,
        cip_code=submission.cip_code,
        cip_title=cip_title.first() or "",
        city=submission.city,
        state=submission.state,
        zip_code=submission.zip_code,
        online=submission.online,
        total_cost_usd=submission.total_cost_usd,
        tuition_usd=submission.total_cost_usd,
        clock_hours=submission.clock_hours,
        duration_weeks=submission.duration_weeks,
        calendar_length=_calendar_length(submission.duration_weeks),
        credential_earned=submission.credential_earned,
        has_outcomes=True,
        outcome_source=source,
        outcome_source_url=submission.website,
        outcome_period=submission.period,
        completers_q2=submission.enrolled,
        outcomes_verified_on=timezone.localdate() if verified else None,
        outcomes_self_reported=not verified,
        search_text=search_text_build(
            submission.name, provider.name, submission.credential_earned, cip_title.first() or ""
        ),
        is_synthetic=submission.is_synthetic,
        **outcomes,
    )


def _programs_index() -> None:
    """Index the new program for search and place it on the map (the catalog's own steps)."""
    program_search_refresh(source=ProgramSource.PROVIDER)
    program_places_refresh(source=ProgramSource.PROVIDER)


# --- Outcome reports on credentials ------------------------------------------------------------

VERIFY_NOTE_MIN = 10


def outcome_report_verify(*, actor: User, report: OutcomeReport, note: str) -> OutcomeReport:
    """The task force verifies a provider's own outcome report on a credential against the
    evidence it saw: the figures then read "Verified by the task force on <date>".

    Only a provider's report (self_reported) that is not verified yet; the note says what was
    checked and goes to the audit log.
    """
    _require(is_task_force(actor))
    if not report.self_reported:
        raise ValidationError(
            _("Only a provider's own report is verified here; a public source speaks for itself.")
        )
    if report.verified_on is not None:
        raise ValidationError(_("This report was already verified."))
    if len(note.strip()) < VERIFY_NOTE_MIN:
        raise ValidationError({"note": _("Say what you checked the figures against.")})
    with transaction.atomic():
        report.verified_on = timezone.localdate()
        # save(): the credential's comparison row is marked stale and shows the new wording.
        report.save(update_fields=["verified_on"])
        audit_record(
            actor=actor,
            action="outcome_report.verify",
            obj=report,
            before={"verified_on": None},
            after={
                "verified_on": report.verified_on.isoformat(),
                "credential": report.credential.slug,
                "provider": report.credential.provider.slug,
                "period": report.period,
                "note": note.strip(),
            },
        )
    return report
