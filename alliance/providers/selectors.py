"""Reads of the providers' area, the review queue and the gap analysis."""

from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from alliance.permissions import UserLike, is_task_force
from credentials.models import ComparisonIndex, Credential, OutcomeReport
from credentials.programs.models import Program
from pathways.models import CipSoc, EducationLevel, Occupation

from .models import (
    GapStage,
    ProgramSubmission,
    ProviderInvitation,
    SubmissionStatus,
)
from .services import AFFORDABLE_USD, SHORT_WEEKS

# --- The provider's own area ------------------------------------------------------------------


def submissions_for_provider_user(*, user: UserLike) -> QuerySet[ProgramSubmission]:
    """What a provider's people see in their portal: their providers' submissions only."""
    if not user.is_authenticated:
        return ProgramSubmission.objects.none()
    return (
        ProgramSubmission.objects.for_provider_user(user)
        .select_related("provider", "occupation")
        .annotate(evidence_count=Count("evidence", distinct=True))
        .order_by("-updated_at", "-id")
    )


def submission_for_provider_user(*, user: UserLike, pk: int) -> ProgramSubmission:
    """One of the user's providers' submissions; another provider's id is a 404."""
    found = (
        ProgramSubmission.objects.for_provider_user(user)
        .select_related("provider", "occupation", "program")
        .filter(pk=pk)
        .first()
        if user.is_authenticated
        else None
    )
    if found is None:
        raise Http404
    return found


def submission_for_viewer(*, user: UserLike, pk: int) -> ProgramSubmission:
    """A submission the user may read: the task force reads all, a provider only its own."""
    if is_task_force(user):
        found = (
            ProgramSubmission.objects.select_related(
                "provider", "occupation", "program", "reviewer"
            )
            .filter(pk=pk)
            .first()
        )
        if found is None:
            raise Http404
        return found
    return submission_for_provider_user(user=user, pk=pk)


# --- The task force's queue -------------------------------------------------------------------

# What the queue lists: everything not yet decided, and what waits on the provider's changes.
QUEUE_STATUSES = (
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.IN_REVIEW,
    SubmissionStatus.CHANGES_REQUESTED,
)


def review_queue() -> QuerySet[ProgramSubmission]:
    """Submissions waiting for a decision, oldest first, with their votes and files counted.

    The task force's meeting agenda reads the same queryset.
    """
    return (
        ProgramSubmission.objects.filter(status__in=QUEUE_STATUSES)
        .select_related("provider", "occupation", "reviewer", "invitation__occupation")
        .annotate(
            evidence_count=Count("evidence", distinct=True),
            votes_approve=Count("votes", filter=Q(votes__choice="approve"), distinct=True),
            votes_changes=Count("votes", filter=Q(votes__choice="changes"), distinct=True),
            votes_reject=Count("votes", filter=Q(votes__choice="reject"), distinct=True),
        )
        .order_by("created_at", "id")
    )


def recent_decisions(*, limit: int = 20) -> QuerySet[ProgramSubmission]:
    return (
        ProgramSubmission.objects.filter(
            status__in=[SubmissionStatus.APPROVED, SubmissionStatus.REJECTED]
        )
        .select_related("provider", "decided_by")
        .order_by("-decided_on", "-id")[:limit]
    )


def invitations_with_stage() -> QuerySet[ProviderInvitation]:
    return ProviderInvitation.objects.with_stage().select_related("occupation", "provider")


# --- Gaps -------------------------------------------------------------------------------------

LEVEL_RANK = {level: rank for rank, level in enumerate(EducationLevel.values)}


@dataclass
class Gap:
    """One occupation for people starting at one education level, with what the catalog has."""

    occupation_id: int
    soc_code: str
    title: str
    education_level: str
    annual_openings: int | None
    median_annual_wage: int | None
    entry_education: str
    wage_vintage: str
    projection_period: str
    credentials: int
    credentials_synthetic: int
    programs: int
    programs_synthetic: int
    rank: int
    invitations: dict[str, int] = field(default_factory=dict)

    @property
    def options(self) -> int:
        return self.credentials + self.programs

    @property
    def education_label(self) -> str:
        return str(EducationLevel(self.education_level).label)

    @property
    def entry_education_label(self) -> str:
        from pathways.models import EntryEducation

        return (
            str(EntryEducation(self.entry_education).label)
            if self.entry_education in EntryEducation.values
            else ""
        )

    @property
    def has_synthetic(self) -> bool:
        return bool(self.credentials_synthetic or self.programs_synthetic)


def _gap_sql() -> str:
    """Every tech-family occupation x starting level, counted and ranked in one statement."""
    index = ComparisonIndex._meta.db_table
    credential = Credential._meta.db_table
    links_model: Any = Credential.occupations.through  # the stubs call it type[Never]
    links = links_model._meta.db_table
    program = Program._meta.db_table
    crosswalk = CipSoc._meta.db_table
    occupation = Occupation._meta.db_table
    return f"""
    WITH levels(level, rank) AS (SELECT * FROM unnest(%(levels)s::text[], %(ranks)s::int[])),
    tech AS (
        SELECT id, soc_code, soc_detailed, title, annual_openings, median_annual_wage,
               entry_education, wage_vintage, projection_period
        FROM {occupation} WHERE in_tech_family
    ),
    creds AS (
        SELECT link.occupation_id, l.level,
               COUNT(*) AS n, COUNT(*) FILTER (WHERE ci.is_synthetic) AS synthetic
        FROM {index} ci
        JOIN {credential} c ON c.id = ci.credential_id
        JOIN {links} link ON link.credential_id = ci.credential_id
        JOIN tech ON tech.id = link.occupation_id
        JOIN levels l ON COALESCE(
            (SELECT r.rank FROM levels r WHERE r.level = c.prerequisite_education), 0
        ) <= l.rank
        WHERE ci.certified
          AND ci.duration_weeks <= %(weeks)s
          AND ci.total_cost_min_usd <= %(usd)s
          AND (ci.placement_rate_pct IS NOT NULL OR ci.median_salary_usd IS NOT NULL)
        GROUP BY link.occupation_id, l.level
    ),
    fitting AS (
        SELECT p.id, p.cip_code, p.is_synthetic FROM {program} p
        WHERE p.has_outcomes
          AND p.total_cost_usd <= %(usd)s
          AND COALESCE(p.duration_weeks <= %(weeks)s, p.calendar_length <= %(short_code)s)
    ),
    progs AS (
        SELECT tech.id AS occupation_id,
               COUNT(DISTINCT f.id) AS n,
               COUNT(DISTINCT f.id) FILTER (WHERE f.is_synthetic) AS synthetic
        FROM fitting f
        JOIN {crosswalk} x ON x.cip_id = f.cip_code
            OR (length(f.cip_code) = 5 AND left(x.cip_id, 5) = f.cip_code)
        JOIN tech ON tech.soc_detailed = x.soc_code
        GROUP BY tech.id
    )
    SELECT tech.id, tech.soc_code, tech.title, l.level, tech.annual_openings,
           tech.median_annual_wage, tech.entry_education, tech.wage_vintage,
           tech.projection_period,
           COALESCE(creds.n, 0), COALESCE(creds.synthetic, 0),
           COALESCE(progs.n, 0), COALESCE(progs.synthetic, 0),
           row_number() OVER (
               PARTITION BY l.level
               ORDER BY COALESCE(creds.n, 0) + COALESCE(progs.n, 0),
                        tech.annual_openings DESC NULLS LAST,
                        tech.median_annual_wage DESC NULLS LAST, tech.soc_code
           ) AS rank
    FROM tech CROSS JOIN levels l
    LEFT JOIN creds ON creds.occupation_id = tech.id AND creds.level = l.level
    LEFT JOIN progs ON progs.occupation_id = tech.id
    WHERE l.level = ANY(%(wanted)s)
    ORDER BY l.rank, rank
    """


def gaps(*, education_level: str | None = None) -> list[Gap]:
    """Ranked gaps (fewest short, affordable options with outcomes first; then more openings,
    then higher pay), with the invitations sent for each and how far they got.

    Two queries whatever the number of occupations: the counts, and the invitations.
    """
    levels = list(EducationLevel.values)
    wanted = [education_level] if education_level else levels
    with connection.cursor() as cursor:
        cursor.execute(
            _gap_sql(),
            {
                "levels": levels,
                "ranks": [LEVEL_RANK[level] for level in levels],
                "weeks": SHORT_WEEKS,
                "usd": AFFORDABLE_USD,
                # Public lists give ranges only: "3 to 5 months" is the longest that is short.
                "short_code": 6,
                "wanted": wanted,
            },
        )
        rows = [Gap(*row) for row in cursor.fetchall()]
    stages = (
        ProviderInvitation.objects.with_stage()
        .filter(occupation__isnull=False, education_level__in=wanted)
        .values("occupation_id", "education_level", "stage")  # type: ignore[misc]
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[tuple[int, str], dict[str, int]] = {}
    for item in stages:
        key = (item["occupation_id"], item["education_level"])
        counts.setdefault(key, {})[item["stage"]] = item["n"]
    for gap in rows:
        gap.invitations = _cumulative(counts.get((gap.occupation_id, gap.education_level), {}))
    return rows


def _cumulative(by_stage: dict[str, Any]) -> dict[str, int]:
    """Invitations that reached at least each stage (an answered one was also sent)."""
    order = list(GapStage.values)
    return {
        stage: sum(by_stage.get(later, 0) for later in order[index:])
        for index, stage in enumerate(order)
    }


def outcome_reports_to_verify(*, limit: int = 50) -> QuerySet[OutcomeReport]:
    """Providers' own outcome reports on credentials not verified yet, oldest first."""
    return (
        OutcomeReport.objects.filter(self_reported=True, verified_on__isnull=True)
        .select_related("credential__provider")
        .order_by("id")[:limit]
    )
