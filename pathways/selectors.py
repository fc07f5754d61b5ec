"""Reads for pathways: occupations, pathways with their credentials, and the funding screener."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from . import extensions
from .models import (
    EducationLevel,
    EmploymentStatus,
    FundingSource,
    FundingStatus,
    IncomeBand,
    IncomeTest,
    Occupation,
    Pathway,
    PathwayStep,
    PriorDegreeRule,
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

    queryset = FundingSource.objects.prefetch_related("apply_steps")
    return FundingSourceFilter(filters or {}, queryset=queryset).qs


LIKELY, MAYBE, NO = "likely", "maybe", "no"


@dataclass
class FundingMatch:
    """Whether one source may pay, and why: reasons for, reasons against, things to check."""

    source: FundingSource
    outcome: str = LIKELY
    reasons_for: list[str] = field(default_factory=list)
    reasons_against: list[str] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)
    covers_up_to_usd: int | None = None
    cost_left_usd: int | None = None

    def against(self, reason: str) -> None:
        self.outcome = NO
        self.reasons_against.append(reason)

    def check(self, reason: str) -> None:
        if self.outcome == LIKELY:
            self.outcome = MAYBE
        self.to_check.append(reason)

    def require(self, known: bool | None, *, met: str, unmet: str, unknown: str) -> None:
        """A yes/no rule: met, not met, or not answered (then it is something to check)."""
        if known is True:
            self.reasons_for.append(met)
        elif known is False:
            self.against(unmet)
        else:
            self.check(unknown)


def _screen_person(match: FundingMatch, answers: Mapping[str, Any]) -> None:
    source = match.source
    if source.veteran_required:
        match.require(
            answers.get("veteran"),
            met=_("You said you are a veteran."),
            unmet=_("Only for veterans."),
            unknown=_("Only for veterans."),
        )
    state = answers.get("state")
    if source.states:
        if state and state not in source.states:
            match.against(
                _("Only for people in %(states)s.") % {"states": ", ".join(source.states)}
            )
        elif not state:
            match.check(_("Only in some states."))
    age = answers.get("age")
    if age is not None:
        if source.min_age is not None and age < source.min_age:
            match.against(_("You must be at least %(age)s.") % {"age": source.min_age})
        if source.max_age is not None and age > source.max_age:
            match.against(_("Only up to age %(age)s.") % {"age": source.max_age})
    education = answers.get("education")
    if source.prior_degree_rule == PriorDegreeRule.NO_BACHELOR:
        if education in ("bachelor", "graduate"):
            match.against(_("Only for people without a bachelor's degree."))
        elif education:
            match.reasons_for.append(_("You do not have a bachelor's degree yet."))
    employment = answers.get("employment")
    if source.employment_statuses and employment:
        if employment not in source.employment_statuses:
            labels = ", ".join(
                str(EmploymentStatus(s).label).lower() for s in source.employment_statuses
            )
            match.against(_("Only for people who are: %(statuses)s.") % {"statuses": labels})
        else:
            match.reasons_for.append(_("You are working."))
    if source.employer_required and employment in (None, "", EmploymentStatus.EMPLOYED):
        match.check(_("Your employer must offer it. Ask your employer."))
    income = answers.get("income")
    dislocated = employment == EmploymentStatus.DISLOCATED
    if source.dislocated_eligible and dislocated:
        match.reasons_for.append(_("Dislocated workers can qualify."))
    if source.income_test == IncomeTest.PRIORITY and not dislocated:
        if income == IncomeBand.LOW:
            match.reasons_for.append(_("Low income gives you priority."))
        else:
            match.check(
                _(
                    "A counselor decides if you qualify; low income, no diploma or other "
                    "barriers help."
                )
            )
    elif source.income_test == IncomeTest.NEED_BASED:
        if income == IncomeBand.LOW:
            match.reasons_for.append(
                _("It is based on financial need, and you said your income is low.")
            )
        elif income == IncomeBand.HIGHER:
            match.check(
                _("It is based on financial need: with a higher income you may get little or none.")
            )
        else:
            match.check(_("It is based on financial need: the FAFSA decides."))


def _range_text(*, low: Any, high: Any, below: bool) -> str:
    """Word a program-length rule that may set only a minimum, only a maximum, or both."""
    if high is None:
        return _("at least %(low)s") % {"low": low}
    if not low:
        return (_("under %(high)s") if below else _("at most %(high)s")) % {"high": high}
    return (_("%(low)s to under %(high)s") if below else _("%(low)s to %(high)s")) % {
        "low": low,
        "high": high,
    }


def _screen_program(match: FundingMatch, program: Mapping[str, Any]) -> None:
    source = match.source
    if source.requires_etpl:
        match.require(
            program.get("on_etpl"),
            met=_("The program is on the state's training provider list."),
            unmet=_("The program must be on the state's training provider list (ETPL)."),
            unknown=_("Check that the program is on your state's training provider list (ETPL)."),
        )
    hours = program.get("clock_hours")
    if source.min_clock_hours is not None or source.max_clock_hours is not None:
        low, high = source.min_clock_hours or 0, source.max_clock_hours
        needed = _range_text(low=low, high=high, below=False)
        if hours is None:
            match.check(
                _("The program's clock hours are not known; it needs %(range)s clock hours.")
                % {"range": needed}
            )
        elif hours < low or (high is not None and hours > high):
            match.against(
                _("The program has %(hours)s clock hours; it needs %(range)s.")
                % {"hours": hours, "range": needed}
            )
    weeks = program.get("weeks")
    if source.min_weeks is not None or source.weeks_less_than is not None:
        low, below = source.min_weeks or 0, source.weeks_less_than
        needed = _range_text(low=low, high=below, below=True)
        if weeks is None:
            match.check(
                _("The program's length in weeks is not known; it needs %(range)s weeks.")
                % {"range": needed}
            )
        elif Decimal(str(weeks)) < low or (below is not None and Decimal(str(weeks)) >= below):
            match.against(
                _("The program lasts %(weeks)s weeks; it needs %(range)s.")
                % {"weeks": weeks, "range": needed}
            )
    for key, threshold, label in (
        ("completion_rate", source.min_completion_rate_pct, _("completion")),
        ("placement_rate", source.min_placement_rate_pct, _("job placement")),
    ):
        if threshold is None:
            continue
        rate = program.get(key)
        if rate is None:
            match.check(
                _("It needs at least %(pct)s%% %(what)s; the program's rate is not known.")
                % {"pct": threshold, "what": label}
            )
        elif rate < threshold:
            match.against(
                _("It needs at least %(pct)s%% %(what)s; the program has %(rate)s%%.")
                % {"pct": threshold, "what": label, "rate": rate}
            )
    types = program.get("credential_type")
    if source.credential_types and types and types not in source.credential_types:
        match.against(_("It does not pay for this kind of credential."))
    listed = program.get("listed_funding")
    if listed is not None and match.outcome != NO:
        if source.slug in listed:
            match.reasons_for.append(_("The catalog lists it as a way to pay for this program."))
        else:
            match.check(_("Nothing we know ties this program to it: ask the provider."))
    cost = program.get("total_cost_usd")
    if cost is not None and match.outcome != NO and source.max_amount_usd is not None:
        match.covers_up_to_usd = min(int(cost), source.max_amount_usd)
        match.cost_left_usd = max(int(cost) - source.max_amount_usd, 0)


def funding_sources_screen(
    *,
    answers: Mapping[str, Any],
    program: Mapping[str, Any] | None = None,
    sources: Iterable[FundingSource] | None = None,
) -> list[FundingMatch]:
    """Say which funding sources may pay, and why (not), for a person and optionally a program.

    answers: state ("VA"), veteran (bool), income (IncomeBand), employment (EmploymentStatus),
    education (EducationLevel or "graduate"), age (int); any may be missing.
    program: clock_hours, weeks, total_cost_usd, on_etpl (bool), credential_type,
    completion_rate and placement_rate (percent 0-100), listed_funding (slugs of the sources a
    catalog ties to the program); any may be missing or None.
    sources: the funding sources to screen (all, with apply_steps, when None); pass one loaded
    list to screen several programs without a query per program.
    """
    if sources is None:
        sources = FundingSource.objects.prefetch_related("apply_steps")
    matches = []
    for source in sources:
        match = FundingMatch(source=source)
        if source.status == FundingStatus.CLOSED:
            match.against(_("Closed to new applicants."))
        elif source.status == FundingStatus.PENDING:
            match.check(_("Not open yet."))
        _screen_person(match, answers)
        if program is not None:
            _screen_program(match, program)
        if source.to_verify:
            match.check(_("The rules are not confirmed yet: check with the agency."))
        if match.outcome == LIKELY and not match.reasons_for:
            # No rule excluded the person, but none confirmed a fit either: say so plainly.
            match.check(_("Nothing in your answers rules this out; read who is eligible."))
        matches.append(match)
    rank = {LIKELY: 0, MAYBE: 1, NO: 2}
    matches.sort(key=lambda m: (rank[m.outcome], m.source.name))
    return matches


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


def data_sources() -> dict[str, Any]:
    """The newest successful load of each source and scope, and the latest attempts (2 queries)."""
    from .publicdata.models import DataLoad

    return {
        "current": list(DataLoad.objects.latest_per_source()),
        "history": list(DataLoad.objects.all()[:20]),
    }
