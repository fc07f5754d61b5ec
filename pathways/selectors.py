"""Reads for pathways: occupations, pathways with their credentials, and the funding screener."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from . import extensions
from .models import (
    EducationLevel,
    FundingSource,
    Occupation,
    Pathway,
    PathwayStep,
)

MAX_COMPARE = 3


def occupation_get(*, soc_code: str) -> Occupation | None:
    """One occupation with its skills, or None."""
    return Occupation.objects.prefetch_related("skills").filter(soc_code=soc_code).first()


def occupations_compare(*, codes: list[str]) -> list[Occupation]:
    """The occupations in the order asked, skipping unknown codes."""
    found = Occupation.objects.in_bulk(codes, field_name="soc_code")
    return [found[c] for c in codes if c in found]


@dataclass
class PathwayView:
    pathway: Pathway
    steps: list[PathwayStep]
    credentials: dict[int, list[dict[str, Any]]]
    min_weeks: int | None
    max_weeks: int | None
    min_cost_usd: int | None
    max_cost_usd: int | None


def _total(values: list[int | None]) -> int | None:
    """Sum of the steps' figures, or None when any step lacks one (no partial totals)."""
    if not values or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def occupation_pathways(*, occupation: Occupation) -> list[PathwayView]:
    """The occupation's pathways in education order, each step with its credentials."""
    pathways = list(
        Pathway.objects.filter(occupation=occupation).prefetch_related(
            Prefetch("steps", queryset=PathwayStep.objects.select_related("job_occupation"))
        )
    )
    order = {level: i for i, level in enumerate(EducationLevel.values)}
    pathways.sort(key=lambda p: order[p.education_level])
    all_steps = [step for p in pathways for step in p.steps.all()]
    credentials = extensions.step_credentials(steps=[s for s in all_steps if s.wants_credentials])
    views = []
    for pathway in pathways:
        steps = list(pathway.steps.all())
        # Entry jobs and experience have no tuition: they count as 0 in the cost total.
        costs = [
            s.min_cost_usd if s.wants_credentials or s.kind == "training" else 0 for s in steps
        ]
        max_costs = [
            s.max_cost_usd if s.wants_credentials or s.kind == "training" else 0 for s in steps
        ]
        timed = [s for s in steps if s.kind in ("training", "apprenticeship", "experience")]
        views.append(
            PathwayView(
                pathway=pathway,
                steps=steps,
                credentials={s.id: credentials.get(s.id, []) for s in steps},
                min_weeks=_total([s.min_weeks for s in timed]),
                max_weeks=_total([s.max_weeks for s in timed]),
                min_cost_usd=_total(costs),
                max_cost_usd=_total(max_costs),
            )
        )
    return views


def funding_source_list(*, filters: Mapping[str, Any] | None = None) -> QuerySet[FundingSource]:
    from .filters import FundingSourceFilter

    queryset = FundingSource.objects.prefetch_related("apply_steps", "facts")
    return FundingSourceFilter(filters or {}, queryset=queryset).qs
