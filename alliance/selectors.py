"""Reads in the Alliance app."""

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from credentials.models import Credential
from pathways.models import Occupation

from .extensions import standards_with_history
from .models import (
    AuditEntry,
    CertificationDecision,
    CertificationStatus,
    Commitment,
    Convening,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
    Member,
    Membership,
)
from .permissions import UserLike, is_staff, is_task_force


def member_for_user(*, user: UserLike, member_slug: str | None = None) -> Member:
    """Return the member this user acts for (by slug when given); 404 when they may not."""
    if not user.is_authenticated:
        raise Http404
    if member_slug is not None and is_staff(user):
        return Member.objects.filter(slug=member_slug).first() or _raise_404()
    memberships = Membership.objects.filter(user=user).select_related("member")
    if member_slug is not None:
        memberships = memberships.filter(member__slug=member_slug)
    membership = memberships.order_by("member__name").first()
    if membership is None:
        raise Http404
    return membership.member


def _raise_404() -> Member:
    raise Http404


def memberships_for_user(*, user: UserLike) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("member").order_by("member__name")


def member_list() -> QuerySet[Member]:
    return Member.objects.annotate(
        recognition_count=Count("recognitions", distinct=True),
    ).order_by("name")


def commitment_board(*, today: date, member: Member | None = None) -> QuerySet[Commitment]:
    """Public commitments with their status against the deadline (annotated board_status)."""
    commitments = Commitment.objects.with_board_status(today=today).select_related(
        "member", "convening"
    )
    if member is not None:
        commitments = commitments.filter(member=member)
    return commitments.order_by("deadline", "member__name", "kind")


def commitment_board_counts(*, today: date) -> dict[str, int]:
    rows = (
        Commitment.objects.with_board_status(today=today)
        .values("board_status")  # type: ignore[misc]
        .annotate(n=Count("id"))
    )
    return {row["board_status"]: row["n"] for row in rows}


def convening_list() -> QuerySet[Convening]:
    return Convening.objects.prefetch_related("awards__member").order_by("-year")


def certification_current(
    *, today: date, credential_ids: list[int] | None = None
) -> dict[int, CertificationDecision]:
    """The current decision per credential, each annotated is_active on `today`."""
    decisions = CertificationDecision.objects.all()
    if credential_ids is not None:
        decisions = decisions.filter(credential_id__in=credential_ids)
    return {d.credential_id: d for d in decisions.current().with_active_on(today)}


def certification_history(*, credential: Credential, today: date) -> list[CertificationDecision]:
    """Every decision, newest first; the first (the current one) annotated is_active on today."""
    return list(
        CertificationDecision.objects.filter(credential=credential)
        .with_active_on(today)
        .select_related("decided_by")
        .prefetch_related(Prefetch("votes", to_attr="vote_list"))
        .newest_first()
    )


def certification_queue(*, today: date) -> dict[str, list[CertificationDecision]]:
    """What the task force has to look at: open reviews and certifications due for re-review."""
    rows = list(
        CertificationDecision.objects.current()
        .filter(
            Q(status__in=[CertificationStatus.PROPOSED, CertificationStatus.UNDER_REVIEW])
            | Q(status=CertificationStatus.LAPSED)
            | Q(status=CertificationStatus.CERTIFIED, review_due_since__isnull=False)
        )
        .select_related("credential")
        .order_by("decided_on")
    )
    queue: dict[str, list[CertificationDecision]] = defaultdict(list)
    for row in rows:
        key = row.status if row.status != CertificationStatus.CERTIFIED else "review_due"
        queue[key].append(row)
    return dict(queue)


def recognition_counts(*, credential_ids: list[int] | None = None) -> dict[int, dict[str, int]]:
    """Public counts per credential: distinct members in all and per kind."""
    recognitions = CredentialRecognition.objects.all()
    if credential_ids is not None:
        recognitions = recognitions.filter(credential_id__in=credential_ids)
    per_kind = recognitions.values("credential_id", "kind").annotate(
        n=Count("member_id", distinct=True)
    )
    totals = recognitions.values("credential_id").annotate(total=Count("member_id", distinct=True))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in per_kind:
        counts[row["credential_id"]][row["kind"]] = row["n"]
    for total in totals:
        counts[total["credential_id"]]["total"] = total["total"]
    return dict(counts)


def credential_employers(*, credential: Credential) -> list[dict[str, Any]]:
    """The members that recognize a credential, each with what it says (one query)."""
    employers: dict[int, dict[str, Any]] = {}
    recognitions = (
        CredentialRecognition.objects.filter(credential=credential)
        .select_related("member")
        .order_by("member__name", "member_id", "kind")
    )
    for recognition in recognitions:
        member = recognition.member
        employer = employers.setdefault(
            member.pk,
            {"member": member, "kinds": [], "stated_on": recognition.stated_on, "synthetic": False},
        )
        employer["kinds"].append(recognition.get_kind_display())
        employer["stated_on"] = max(employer["stated_on"], recognition.stated_on)
        employer["synthetic"] |= member.is_synthetic or recognition.is_synthetic
    return list(employers.values())


def recognitions_for_member(*, member: Member) -> QuerySet[CredentialRecognition]:
    return CredentialRecognition.objects.filter(member=member).select_related("credential")


def hiring_standards_for_occupation(*, occupation: Occupation) -> QuerySet[HiringStandard]:
    return (
        HiringStandard.objects.approved()
        .filter(occupation=occupation)
        .select_related("member")
        .prefetch_related("credentials_valued")
        .order_by("-approved_on", "title")
    )


def hiring_standards_visible_to(*, user: UserLike) -> QuerySet[HiringStandard]:
    """Approved standards for everyone; drafts only to the writing member's users and staff."""
    standards = HiringStandard.objects.select_related("member", "occupation")
    if is_task_force(user):
        return standards
    if not user.is_authenticated:
        return standards.approved()
    return standards.filter(
        Q(status=HiringStandardStatus.APPROVED) | Q(member__memberships__user=user)
    ).distinct()


EMPLOYER_GUIDE_LIMIT = 50


def employer_guide(
    *, occupation: Occupation, today: date, limit: int = EMPLOYER_GUIDE_LIMIT
) -> dict[str, Any]:
    """For a small employer: a role's credentials, certified first, then by employer trust.

    Ranked in SQL so a role with thousands of credentials still costs a few queries.
    """
    newest = CertificationDecision.objects.filter(credential=OuterRef("pk")).newest_first()
    ranked = (
        Credential.objects.published()
        .filter(occupations=occupation)
        .annotate(
            current_decision_id=Subquery(newest.values("id")[:1]),
            employers=Coalesce(
                Subquery(
                    CredentialRecognition.objects.filter(credential=OuterRef("pk"))
                    .values("credential")
                    .annotate(n=Count("member", distinct=True))
                    .values("n")
                ),
                0,
            ),
        )
        .annotate(
            is_certified=Exists(
                CertificationDecision.objects.filter(pk=OuterRef("current_decision_id")).active_on(
                    today
                )
            )
        )
        .select_related("provider")
        .order_by("-is_certified", "-employers", "name")
    )
    total = ranked.count()
    credentials = list(ranked[:limit])
    ids = [c.id for c in credentials]
    current = certification_current(today=today, credential_ids=ids)
    counts = recognition_counts(credential_ids=ids)
    rows = [
        {
            "credential": credential,
            "decision": current.get(credential.id),
            "certified": credential.is_certified,
            "counts": counts.get(credential.id, {}),
            "employers": credential.employers,
        }
        for credential in credentials
    ]
    return {
        "rows": rows,
        "total": total,
        "shown": len(rows),
        "standards": standards_with_history(
            list(hiring_standards_for_occupation(occupation=occupation))
        ),
    }


def audit_entries(
    *, action: str | None = None, member: Member | None = None
) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor", "member")
    if action:
        entries = entries.filter(action=action)
    if member is not None:
        entries = entries.filter(member=member)
    return entries.order_by("-created_at", "-id")
