"""Reads for hiring-data submissions: who may see or upload what, and what a member sees."""

from typing import TypedDict

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet, Sum
from django.http import Http404

from .models import HiringCount, HiringCredentialCount, Submission, ValidationIssue


def submissions_visible_to(*, user: User | AnonymousUser) -> QuerySet[Submission]:
    """Staff see every submission; members see their own members' submissions only."""
    queryset = Submission.objects.select_related("member", "uploaded_by", "superseded_by")
    if not user.is_authenticated:
        return queryset.none()
    if getattr(user, "is_staff", False):
        return queryset
    return queryset.filter(member__memberships__user=user)


def submission_get(*, user: User | AnonymousUser, pk: int) -> Submission:
    """One submission this user may see, or 404 (never 403: its existence is private too)."""
    submission = submissions_visible_to(user=user).filter(pk=pk).first()
    if submission is None:
        raise Http404
    return submission


def submission_issues(*, submission: Submission) -> QuerySet[ValidationIssue]:
    return ValidationIssue.objects.filter(submission=submission).order_by("row", "id")


def submission_cells(*, submission: Submission) -> QuerySet[HiringCount]:
    """The member's own aggregated cells, biggest first."""
    return HiringCount.objects.filter(submission=submission).order_by(
        "-hires", "soc_code", "job_category", "race_ethnicity", "sex", "id"
    )


def submission_credential_cells(*, submission: Submission) -> QuerySet[HiringCredentialCount]:
    """The member's own hires by credential held and training pathway, biggest first."""
    return (
        HiringCredentialCount.objects.filter(submission=submission)
        .select_related("credential")
        .order_by("-hires", "training_pathway", "credential__name", "id")
    )


class SocTotal(TypedDict):
    soc_code: str
    hires: int


def submission_totals_by_soc(*, submission: Submission) -> list[SocTotal]:
    """Hires per SOC code in one submission."""
    return list(
        HiringCount.objects.filter(submission=submission)
        .values("soc_code")
        .annotate(hires=Sum("hires"))
        .order_by("soc_code")
    )
