"""Reads for pathways: occupations, pathways with their credentials, and the funding screener."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import get_language

from careerportal.public_cache import public_cached

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


@dataclass
class OccupationPublicData:
    """What the public files say about one occupation, for its page."""

    tasks: list[Any]
    hot_technologies: list[Any]
    in_demand: list[Any]
    technology_count: int
    education: list[Any]
    related: list[Any]
    alternate_titles: list[Any]
    our_titles: list[Any]
    national_wage: Any
    area_wages: list[Any]
    projection: Any
    onet_credit: str
    wage_marks: dict[str, Any]


def occupation_public_data(*, occupation: Occupation) -> OccupationPublicData:
    """Tasks, technologies, education, related jobs, titles, wages and projections.

    Queries: titles, wages, projection; and with O*NET data also tasks, technologies,
    education shares, related occupations (7 at most).
    """
    from django.utils.translation import get_language

    from .publicdata.models import (
        EducationShare,
        OccupationTask,
        OccupationTitle,
        Projection,
        RelatedOccupation,
        TechnologySkill,
        TitleKind,
        Wage,
    )
    from .publicdata.oews import MARKS
    from .publicdata.onet import SOURCE as ONET

    onet = bool(occupation.onet_code)
    technologies = (
        list(
            TechnologySkill.objects.filter(occupation=occupation).filter(
                Q(hot=True) | Q(in_demand=True)
            )
        )
        if onet
        else []
    )
    titles = list(
        OccupationTitle.objects.filter(occupation=occupation)
        .exclude(kind=TitleKind.OFFICIAL)
        .filter(language__in=["en", (get_language() or "en")[:2]])
        .order_by("kind", "title")
    )
    wages = list(
        Wage.objects.filter(soc_code=occupation.soc_detailed).order_by("area_type", "area_title")
    )
    return OccupationPublicData(
        tasks=list(OccupationTask.objects.filter(occupation=occupation)[:12]) if onet else [],
        hot_technologies=[t for t in technologies if t.hot][:40],
        in_demand=[t for t in technologies if t.in_demand],
        technology_count=len(technologies),
        education=(
            list(EducationShare.objects.filter(occupation=occupation, percent__gt=0))
            if onet
            else []
        ),
        related=(
            list(
                RelatedOccupation.objects.filter(occupation=occupation).select_related("related")[
                    :10
                ]
            )
            if onet
            else []
        ),
        alternate_titles=[t for t in titles if t.kind != TitleKind.PORTAL][:24],
        our_titles=[t for t in titles if t.kind == TitleKind.PORTAL],
        national_wage=next((w for w in wages if w.area_code == "99"), None),
        area_wages=[w for w in wages if w.area_code != "99"],
        projection=Projection.objects.filter(soc_code=occupation.soc_detailed).first(),
        onet_credit=ONET.credit if onet else "",
        wage_marks=MARKS,
    )


@dataclass
class OccupationPage:
    """What a career page shows of the catalog: the same for everyone who opens it."""

    occupation: Occupation
    pathways: list[PathwayView]
    public: OccupationPublicData
    video: Any


def occupation_page(*, soc_code: str) -> OccupationPage | None:
    """The occupation, its pathways, public data and video, or None; cached per catalog
    version and language (a dozen queries otherwise)."""
    return public_cached("occupation-page", soc_code, compute=lambda: _occupation_page(soc_code))


def _occupation_page(soc_code: str) -> OccupationPage | None:
    from .videos.selectors import occupation_video

    occupation = occupation_get(soc_code=soc_code)
    if occupation is None:
        return None
    return OccupationPage(
        occupation=occupation,
        pathways=occupation_pathways(occupation=occupation),
        public=occupation_public_data(occupation=occupation),
        video=occupation_video(occupation=occupation, language=get_language()),
    )


def data_sources() -> dict[str, Any]:
    """The newest successful load of each source and scope, and the latest attempts (2 queries)."""
    from .publicdata.models import DataLoad

    return {
        "current": list(DataLoad.objects.latest_per_source()),
        "history": list(DataLoad.objects.all()[:20]),
    }
