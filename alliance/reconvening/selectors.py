"""Reads of the reconvening (public: everything here is published once written)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse

from alliance.models import Commitment, Convening, HiringStandard, Member
from pathways.models import Occupation

from .changes import Change, standard_changes
from .models import (
    AccessPlan,
    AwardDecision,
    Milestone,
    Need,
    NeedAnswer,
    Recommitment,
    Spotlight,
    StandardVersion,
)


@dataclass
class StandardYear:
    """One member's standard for one occupation in a year, and what changed since the last."""

    version: StandardVersion
    previous: StandardVersion | None
    changes: list[Change]


def recommitments(
    *, convening: Convening | None = None, member: Member | None = None
) -> QuerySet[Recommitment]:
    rows = Recommitment.objects.select_related("member", "convening")
    if convening is not None:
        rows = rows.filter(convening=convening)
    if member is not None:
        rows = rows.filter(member=member)
    return rows.order_by("-convening__year", "member__name")


def access_plans(
    *, convening: Convening | None = None, member: Member | None = None
) -> QuerySet[AccessPlan]:
    """Plans with their milestones (prefetched in due-date order)."""
    plans = AccessPlan.objects.select_related("member", "convening").prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "id"))
    )
    if convening is not None:
        plans = plans.filter(convening=convening)
    if member is not None:
        plans = plans.filter(member=member)
    return plans.order_by("-convening__year", "member__name")


def standard_years(
    *, year: int | None = None, member: Member | None = None, occupation: Occupation | None = None
) -> list[StandardYear]:
    """Each yearly version (of one year, one member's, or one member's for one occupation)
    beside the version of the year before.

    Two queries: the versions, then every version of the same members (to find each one's
    previous year in memory; members keep a handful of standards).
    """
    versions = StandardVersion.objects.select_related("member", "occupation").order_by(
        "member__name", "occupation__soc_code", "-year"
    )
    if year is not None:
        versions = versions.filter(year=year)
    if member is not None:
        versions = versions.filter(member=member)
    if occupation is not None:
        versions = versions.filter(occupation=occupation)
    return standard_years_of(list(versions))


def standard_years_of(shown: list[StandardVersion]) -> list[StandardYear]:
    """The given versions, each beside the same member's version for the occupation the year
    before (one query for all of them) and what changed since."""
    if not shown:
        return []
    keys = {(v.member_id, v.occupation_id) for v in shown}
    earlier: dict[tuple[int, int], list[StandardVersion]] = {}
    q = Q()
    for member_id, occupation_id in keys:
        q |= Q(member_id=member_id, occupation_id=occupation_id)
    for v in StandardVersion.objects.filter(q).order_by("-year"):
        earlier.setdefault((v.member_id, v.occupation_id), []).append(v)
    rows = []
    for version in shown:
        previous = next(
            (
                v
                for v in earlier[(version.member_id, version.occupation_id)]
                if v.year < version.year
            ),
            None,
        )
        changes = standard_changes(old=previous, new=version) if previous else []
        rows.append(StandardYear(version=version, previous=previous, changes=changes))
    return rows


@dataclass(frozen=True)
class StandardHistory:
    """Where a published standard stands in its yearly versions (shown beside the standard)."""

    year: int
    previous_year: int | None
    changed: bool
    url: str


def standard_history_set(standards: list[HiringStandard]) -> None:
    """Set `history` on each standard whose member and occupation have yearly versions: the
    newest year, the year before, whether anything changed since (the rule of changes.py), and
    the page of its changes. One query for all of them."""
    keys = {(s.member_id, s.occupation_id) for s in standards}
    if not keys:
        return
    q = Q()
    for member_id, occupation_id in keys:
        q |= Q(member_id=member_id, occupation_id=occupation_id)
    newest_two: dict[tuple[int, int], list[StandardVersion]] = {}
    rows = StandardVersion.objects.filter(q).select_related("member", "occupation")
    for v in rows.order_by("-year"):
        found = newest_two.setdefault((v.member_id, v.occupation_id), [])
        if len(found) < 2:
            found.append(v)
    for standard in standards:
        versions = newest_two.get((standard.member_id, standard.occupation_id))
        if not versions:
            continue
        newest, previous = versions[0], (versions[1] if len(versions) > 1 else None)
        standard.history = StandardHistory(  # type: ignore[attr-defined]
            year=newest.year,
            previous_year=previous.year if previous else None,
            changed=bool(previous and standard_changes(old=previous, new=newest)),
            url=reverse(
                "reconvening:standard-changes",
                args=[newest.member.slug, newest.occupation.soc_code],
            ),
        )


def convening_for_year(*, year: int) -> Convening | None:
    return Convening.objects.filter(year=year).first()


def convening_current() -> Convening | None:
    """The newest convening: the one members recommit at."""
    return Convening.objects.order_by("-year").first()


def pledge_commitment(*, pk: int, today: date) -> Commitment | None:
    """One signed commitment with its status against the deadline (annotated board_status)."""
    return (
        Commitment.objects.with_board_status(today=today)
        .select_related("member", "convening")
        .filter(pk=pk)
        .first()
    )


def pledge_recommitment(*, pk: int) -> Recommitment | None:
    return Recommitment.objects.select_related("member", "convening").filter(pk=pk).first()


def press_summary(*, convening: Convening, today: date) -> dict[str, Any]:
    """What was signed at a convening and by whom (commitments by kind, recommitments)."""
    commitments = list(
        Commitment.objects.with_board_status(today=today)
        .filter(convening=convening)
        .select_related("member")
        .order_by("member__name", "kind")
    )
    by_kind: dict[str, int] = {}
    for commitment in commitments:
        by_kind[commitment.get_kind_display()] = by_kind.get(commitment.get_kind_display(), 0) + 1
    return {
        "commitments": commitments,
        "members": sorted({c.member.name for c in commitments}),
        "by_kind": sorted(by_kind.items()),
        "recommitments": list(recommitments(convening=convening)),
    }


def needs_board(*, member: Member | None = None, include_closed: bool = False) -> QuerySet[Need]:
    """Needs with their member, occupation and answers (each with provider and program)."""
    needs = Need.objects.select_related("member", "occupation").prefetch_related(
        Prefetch(
            "answers",
            queryset=NeedAnswer.objects.select_related("provider", "program").order_by(
                "answered_on", "id"
            ),
        )
    )
    if not include_closed:
        needs = needs.open()
    if member is not None:
        needs = needs.filter(member=member)
    return needs.order_by("needed_by", "id")


def spotlights(
    *, convening: Convening | None = None, include_withdrawn: bool = False
) -> QuerySet[Spotlight]:
    """Spotlights with their member, program (and its provider) and figures; withdrawn ones
    only when asked (the task force's list), never on public pages."""
    shown: QuerySet[Spotlight] = (
        Spotlight.objects.all() if include_withdrawn else Spotlight.objects.public()
    )
    rows = shown.select_related("convening", "member", "program__provider").prefetch_related(
        "figures"
    )
    if convening is not None:
        rows = rows.filter(convening=convening)
    # By the English title in every language (title alone means the page language's column).
    return rows.order_by("-convening__year", "kind", "title_en")


def award_decisions(*, convening: Convening) -> dict[str, AwardDecision]:
    """The task force's decisions on a convening's awards, by category."""
    rows = AwardDecision.objects.filter(convening=convening).select_related(
        "member", "computed_member", "convening"
    )
    return {d.category: d for d in rows}
