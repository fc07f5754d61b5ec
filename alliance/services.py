"""Writes in the Alliance app. Each audited change records itself inside its own transaction."""

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from careerportal.users import Actor, user_or_none
from credentials.models import Credential
from credentials.services import comparison_index_mark_stale

from .models import (
    REQUIRED_COMMITMENTS,
    AuditEntry,
    CertificationDecision,
    CertificationStatus,
    CertificationVote,
    CertificationVoteChoice,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Convening,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
    Invitation,
    Member,
    Membership,
    MembershipRole,
    RecognitionKind,
)
from .permissions import can_manage_member, is_task_force
from .signals import hiring_data_commitment_signed, hiring_standard_approved

INVITATION_SALT = "alliance.invitation"
INVITATION_MAX_AGE = timedelta(days=7)

# Which step may follow which: the task force cannot jump from nothing to certified.
CERTIFICATION_NEXT: dict[str | None, set[str]] = {
    None: {CertificationStatus.PROPOSED},
    CertificationStatus.PROPOSED: {CertificationStatus.UNDER_REVIEW},
    CertificationStatus.UNDER_REVIEW: {
        CertificationStatus.CERTIFIED,
        CertificationStatus.NOT_CERTIFIED,
    },
    CertificationStatus.CERTIFIED: {CertificationStatus.UNDER_REVIEW},
    CertificationStatus.NOT_CERTIFIED: {CertificationStatus.PROPOSED},
    CertificationStatus.LAPSED: {CertificationStatus.PROPOSED, CertificationStatus.UNDER_REVIEW},
}


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    member: Member | None = None,
) -> AuditEntry:
    """Append one entry to the audit log (call inside the transaction that makes the change)."""
    return AuditEntry.objects.create(
        actor=user_or_none(actor),
        member=member,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        before=before,
        after=after,
    )


def _fill_default_language(obj: models.Model, fields: tuple[str, ...]) -> None:
    """Text written in Spanish also fills an empty English field, so no page shows a blank.

    modeltranslation saves what is typed in the active language's column; pages in the default
    language do not fall back to other languages.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for field in fields:
        if not getattr(obj, f"{field}_{default}", None):
            setattr(obj, f"{field}_{default}", getattr(obj, field))


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


# --- Commitments -------------------------------------------------------------------------------


def commitment_sign(
    *,
    actor: User,
    member: Member,
    kind: str,
    deadline: date,
    signer_name: str,
    signer_title: str = "",
    note: str = "",
    convening: Convening | None = None,
    signed_on: date | None = None,
) -> Commitment:
    """A member admin signs a commitment in the member's name."""
    _require(can_manage_member(actor, member))
    if kind not in CommitmentKind.values:
        raise ValidationError({"kind": _("Choose one of the listed commitments.")})
    signed_on = signed_on or timezone.localdate()
    if deadline < signed_on:
        raise ValidationError({"deadline": _("The deadline cannot be before the signing date.")})
    if Commitment.objects.filter(member=member, kind=kind, deadline=deadline).exists():
        raise ValidationError({"kind": _("This commitment is already signed for that deadline.")})
    with transaction.atomic():
        commitment = Commitment.objects.create(
            member=member,
            kind=kind,
            deadline=deadline,
            signed_on=signed_on,
            signed_by=actor,
            signer_name=signer_name.strip(),
            signer_title=signer_title.strip(),
            note=note.strip(),
            convening=convening,
        )
        if kind == CommitmentKind.HIRING_DATA:
            hiring_data_commitment_signed.send(sender=Commitment, commitment=commitment)
            commitment.refresh_from_db(fields=["status", "done_on"])
        audit_record(
            actor=actor,
            action="commitment.sign",
            obj=commitment,
            member=member,
            after=_commitment_state(commitment),
        )
    return commitment


def _commitment_state(commitment: Commitment) -> dict[str, Any]:
    return {
        "kind": commitment.kind,
        "deadline": commitment.deadline.isoformat(),
        "signed_on": commitment.signed_on.isoformat(),
        "signer_name": commitment.signer_name,
        "status": commitment.status,
    }


def commitments_hiring_data_filed(*, member_id: int, filed_at: datetime) -> int:
    """An accepted hiring-data file fulfils the member's open data commitments signed by then.

    Called by the hiring-data app (the layer above) in the transaction that accepts the file.
    signed_on is a date in the portal's time zone, so the file's time is read in that zone too
    (a file sent the evening before signing does not count, even where UTC says the next day).
    """
    filed_on = timezone.localdate(filed_at)
    with transaction.atomic():
        fulfilled = list(
            Commitment.objects.select_for_update()
            .filter(
                member_id=member_id,
                kind=CommitmentKind.HIRING_DATA,
                status=CommitmentStatus.ON_TRACK,
                signed_on__lte=filed_on,
            )
            .order_by("pk")
        )
        Commitment.objects.filter(pk__in=[c.pk for c in fulfilled]).update(
            status=CommitmentStatus.DATA_SUBMITTED, done_on=filed_on
        )
        # The board's status changes in public: the log says when and why (no person acted).
        AuditEntry.objects.bulk_create(
            [
                AuditEntry(
                    actor=None,
                    member_id=member_id,
                    action="commitment.data_filed",
                    object_type=c._meta.label_lower,
                    object_id=str(c.pk),
                    before={"status": c.status, "done_on": None},
                    after={
                        "status": CommitmentStatus.DATA_SUBMITTED,
                        "done_on": filed_on.isoformat(),
                    },
                )
                for c in fulfilled
            ]
        )
    return len(fulfilled)


def commitments_required_missing(*, member: Member) -> list[str]:
    signed = set(
        Commitment.objects.filter(member=member, kind__in=REQUIRED_COMMITMENTS).values_list(
            "kind", flat=True
        )
    )
    return [kind for kind in REQUIRED_COMMITMENTS if kind not in signed]


# --- Certification ----------------------------------------------------------------------------


def _decision_state(decision: CertificationDecision | None) -> dict[str, Any] | None:
    if decision is None:
        return None
    return {
        "status": decision.status,
        "decided_on": decision.decided_on.isoformat(),
        "effective_on": decision.effective_on.isoformat() if decision.effective_on else None,
        "expires_on": decision.expires_on.isoformat() if decision.expires_on else None,
        "next_review_on": decision.next_review_on.isoformat() if decision.next_review_on else None,
        "rationale": decision.rationale,
    }


def certification_current_decision(*, credential: Credential) -> CertificationDecision | None:
    return CertificationDecision.objects.filter(credential=credential).newest_first().first()


def certification_decide(
    *,
    actor: User,
    credential: Credential,
    status: str,
    rationale: str = "",
    decided_on: date | None = None,
    effective_on: date | None = None,
    expires_on: date | None = None,
    next_review_on: date | None = None,
) -> CertificationDecision:
    """Record the next step of a credential's certification (task force only)."""
    _require(is_task_force(actor))
    decided_on = decided_on or timezone.localdate()
    with transaction.atomic():
        # Lock the credential row so two task-force members cannot both move it at once.
        Credential.objects.select_for_update().filter(pk=credential.pk).first()
        current = certification_current_decision(credential=credential)
        allowed = CERTIFICATION_NEXT.get(current.status if current else None, set())
        if status not in allowed:
            raise ValidationError({"status": _("This step cannot follow the current status.")})
        if decided_on > timezone.localdate():
            # The newest decided_on is the current status: a future date would jump the queue.
            raise ValidationError({"decided_on": _("A decision cannot be dated in the future.")})
        if current is not None and decided_on < current.decided_on:
            raise ValidationError(
                {"decided_on": _("A decision cannot be dated before the previous one.")}
            )
        final = status in (CertificationStatus.CERTIFIED, CertificationStatus.NOT_CERTIFIED)
        if final and not rationale.strip():
            raise ValidationError({"rationale": _("Say why: the reason is published.")})
        if status == CertificationStatus.CERTIFIED:
            effective_on = effective_on or decided_on
            if expires_on is None:
                raise ValidationError({"expires_on": _("A certification needs an expiry date.")})
            if expires_on <= effective_on:
                raise ValidationError(
                    {"expires_on": _("The expiry date must be after the effective date.")}
                )
            if next_review_on is not None and not effective_on <= next_review_on <= expires_on:
                raise ValidationError(
                    {"next_review_on": _("The review date must fall before the expiry date.")}
                )
        votes: dict[str, int] = {}
        if final and current is not None and current.status == CertificationStatus.UNDER_REVIEW:
            votes = dict(
                current.votes.values_list("choice").annotate(n=models.Count("id")).order_by()
            )
        decision = CertificationDecision(
            credential=credential,
            status=status,
            decided_on=decided_on,
            effective_on=effective_on if status == CertificationStatus.CERTIFIED else None,
            expires_on=expires_on if status == CertificationStatus.CERTIFIED else None,
            next_review_on=next_review_on if status == CertificationStatus.CERTIFIED else None,
            rationale=rationale.strip(),
            decided_by=actor,
            votes_for=votes.get(CertificationVoteChoice.FOR, 0) if final else None,
            votes_against=votes.get(CertificationVoteChoice.AGAINST, 0) if final else None,
            votes_abstain=votes.get(CertificationVoteChoice.ABSTAIN, 0) if final else None,
        )
        _fill_default_language(decision, ("rationale",))
        decision.save()
        audit_record(
            actor=actor,
            action=f"certification.{status}",
            obj=decision,
            before=_decision_state(current),
            after=_decision_state(decision),
        )
    return decision


def certification_vote(
    *, actor: User, credential: Credential, choice: str, comment: str = ""
) -> CertificationVote:
    """A task-force member votes (or changes their vote) on a credential under review."""
    _require(is_task_force(actor))
    if choice not in CertificationVoteChoice.values:
        raise ValidationError({"choice": _("Choose for, against or abstain.")})
    with transaction.atomic():
        current = certification_current_decision(credential=credential)
        if current is None or current.status != CertificationStatus.UNDER_REVIEW:
            raise ValidationError({"choice": _("Votes are taken only while under review.")})
        vote, _created = CertificationVote.objects.update_or_create(
            review=current, voter=actor, defaults={"choice": choice, "comment": comment.strip()}
        )
        audit_record(
            actor=actor,
            action="certification.vote",
            obj=vote,
            after={"credential": credential.slug, "choice": choice, "comment": vote.comment},
        )
    return vote


def _lapse_rationale(expired_on: date | None) -> dict[str, str]:
    """The lapse note in every language the site has (rationale, rationale_en, rationale_es...).

    Written by a job with no page language, so each translation is stored, not only English.
    """
    values: dict[str, str] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values[build_localized_fieldname("rationale", code)] = _(
                "The certification expired on %(date)s; a new review is due."
            ) % {"date": str(expired_on)}
    return {
        "rationale": values[build_localized_fieldname("rationale", settings.LANGUAGE_CODE)],
        **values,
    }


def certifications_lapse_expired(*, today: date) -> dict[str, int]:
    """Lapse certifications whose expiry passed and flag those due for re-review (idempotent).

    Set-based: one INSERT ... SELECT for the lapses, one UPDATE for the review flags; running it
    twice changes nothing because a lapsed row becomes the credential's newest decision.
    """
    current = CertificationDecision.objects.current()
    with transaction.atomic():
        expired = list(
            current.filter(
                status=CertificationStatus.CERTIFIED, expires_on__lt=today
            ).select_for_update()
        )
        lapsed = CertificationDecision.objects.bulk_create(
            [
                CertificationDecision(
                    credential_id=d.credential_id,
                    status=CertificationStatus.LAPSED,
                    decided_on=max(today, d.decided_on),
                    **_lapse_rationale(d.expires_on),
                    is_synthetic=d.is_synthetic,
                )
                for d in expired
            ]
        )
        AuditEntry.objects.bulk_create(
            [
                AuditEntry(
                    actor=None,
                    action="certification.lapsed",
                    object_type=d._meta.label_lower,
                    object_id=str(d.pk),
                    before=_decision_state(old),
                    after=_decision_state(d),
                )
                for old, d in zip(expired, lapsed, strict=True)
            ]
        )
        review_due = current.filter(
            status=CertificationStatus.CERTIFIED,
            next_review_on__lte=today,
            review_due_since__isnull=True,
        ).update(review_due_since=today)
        # bulk_create sends no post_save: mark the rows stale here.
        comparison_index_mark_stale(credential_ids=[d.credential_id for d in lapsed])
    return {"lapsed": len(lapsed), "review_due": review_due}


# --- Recognitions -----------------------------------------------------------------------------


def recognition_set(
    *,
    actor: User,
    member: Member,
    credential: Credential,
    kind: str,
    stated_on: date | None = None,
) -> CredentialRecognition:
    """A member admin states how the member treats a credential (one row per kind)."""
    _require(can_manage_member(actor, member))
    if kind not in RecognitionKind.values:
        raise ValidationError({"kind": _("Choose requires, prefers, accepts or has hired.")})
    with transaction.atomic():
        recognition, created = CredentialRecognition.objects.get_or_create(
            member=member,
            credential=credential,
            kind=kind,
            defaults={"stated_on": stated_on or timezone.localdate()},
        )
        if not created:
            raise ValidationError({"kind": _("You have already said this about this credential.")})
        audit_record(
            actor=actor,
            action="recognition.add",
            obj=recognition,
            member=member,
            after={"credential": credential.slug, "kind": kind},
        )
    return recognition


def recognition_remove(*, actor: User, recognition: CredentialRecognition) -> None:
    _require(can_manage_member(actor, recognition.member))
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="recognition.remove",
            obj=recognition,
            member=recognition.member,
            before={"credential": recognition.credential.slug, "kind": recognition.kind},
        )
        recognition.delete()


# --- Hiring standards -------------------------------------------------------------------------

HIRING_STANDARD_FIELDS = (
    "occupation",
    "title",
    "summary",
    "credentials_note",
    "portfolio_items",
    "interview_questions",
    "screening_steps",
    "degree_required",
)
# The translated ones (see translation.py).
HIRING_STANDARD_TEXT_FIELDS = tuple(
    f for f in HIRING_STANDARD_FIELDS if f not in ("occupation", "degree_required")
)


def _standard_state(standard: HiringStandard) -> dict[str, Any]:
    state = {f: getattr(standard, f) for f in HIRING_STANDARD_FIELDS if f != "occupation"}
    state["occupation"] = standard.occupation.soc_code
    state["status"] = standard.status
    return state


def hiring_standard_save(
    *,
    actor: User,
    member: Member,
    data: dict[str, Any],
    credentials: list[Credential] | None = None,
    standard: HiringStandard | None = None,
    submit: bool = False,
) -> HiringStandard:
    """Create or edit a member's draft; submitting sends it to the task force."""
    _require(can_manage_member(actor, member))
    if standard is not None and standard.member_id != member.pk:
        raise PermissionDenied
    if standard is not None and standard.status == HiringStandardStatus.APPROVED:
        raise ValidationError(_("An approved standard is published; write a new draft instead."))
    with transaction.atomic():
        before = _standard_state(standard) if standard is not None else None
        standard = standard or HiringStandard(member=member, created_by=actor)
        for field in HIRING_STANDARD_FIELDS:
            if field in data:
                setattr(standard, field, data[field])
        _fill_default_language(standard, HIRING_STANDARD_TEXT_FIELDS)
        standard.status = HiringStandardStatus.SUBMITTED if submit else HiringStandardStatus.DRAFT
        standard.full_clean(exclude=["credentials_valued"])
        standard.save()
        if credentials is not None:
            standard.credentials_valued.set(credentials)
        audit_record(
            actor=actor,
            action="standard.submit" if submit else "standard.save",
            obj=standard,
            member=member,
            before=before,
            after=_standard_state(standard),
        )
    return standard


def hiring_standard_review(
    *, actor: User, standard: HiringStandard, approve: bool, note: str = ""
) -> HiringStandard:
    """The task force approves a submitted standard (published) or returns it to draft."""
    _require(is_task_force(actor))
    if standard.status != HiringStandardStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted standard can be reviewed."))
    if not approve and not note.strip():
        raise ValidationError({"review_note": _("Say what should change.")})
    with transaction.atomic():
        before = _standard_state(standard)
        standard.review_note = note.strip()
        if approve:
            standard.status = HiringStandardStatus.APPROVED
            standard.approved_by = actor
            standard.approved_on = timezone.localdate()
        else:
            standard.status = HiringStandardStatus.DRAFT
        standard.save(update_fields=["status", "approved_by", "approved_on", "review_note"])
        if approve:
            hiring_standard_approved.send(sender=HiringStandard, standard=standard, actor=actor)
        audit_record(
            actor=actor,
            action="standard.approve" if approve else "standard.return",
            obj=standard,
            member=standard.member,
            before=before,
            after=_standard_state(standard) | {"review_note": standard.review_note},
        )
    return standard


# --- Invitations ------------------------------------------------------------------------------


def invitation_create(
    *, actor: User, member: Member, email: str, role: str
) -> tuple[Invitation, str]:
    """A member admin invites someone by email; return the invitation and its signed token."""
    _require(can_manage_member(actor, member))
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            member=member, email=email, role=role, invited_by=actor
        )
        audit_record(
            actor=actor,
            action="invitation.create",
            obj=invitation,
            member=member,
            after={"email": email, "role": role},
        )
    return invitation, invitation_token(invitation=invitation)


def invitation_token(*, invitation: Invitation) -> str:
    return signing.dumps({"id": invitation.pk, "email": invitation.email}, salt=INVITATION_SALT)


def invitation_from_token(*, token: str) -> Invitation | None:
    """The open invitation a token names, or None when forged, expired or already used."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    invitation = (
        Invitation.objects.select_related("member")
        .filter(pk=payload.get("id"), email=payload.get("email"), accepted_at__isnull=True)
        .first()
    )
    return invitation


def invitation_accept(*, invitation: Invitation, password: str | None, user: Any = None) -> User:
    """Join the member: a new user sets a password; a signed-in user with that email just joins."""
    User = get_user_model()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise ValidationError(_("This invitation has already been used."))
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
        Membership.objects.update_or_create(
            user=user, member=invitation.member, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit_record(
            actor=user,
            action="invitation.accept",
            obj=invitation,
            member=invitation.member,
            after={"email": invitation.email, "role": invitation.role},
        )
    return user
