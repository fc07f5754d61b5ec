"""Reads of the catalog: search, one credential, side-by-side comparison, tray, panels."""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from careerportal.public_cache import public_cached
from pathways.models import Occupation

from .filters import CredentialFilter
from .funding import (
    FundingScreen,
    ProgramFacts,
    credential_program_facts,
    credentials_funding_screen,
    credentials_program_facts,
    program_facts,
    programs_for_screen,
)
from .models import CREDENTIAL_SLUG_RE, ComparisonIndex, Credential, CredentialStatus, OutcomeReport
from .programs.compare import program_compare_id_parse, program_compare_rows
from .programs.models import Program
from .services import COMPARE_MAX, COMPARE_TRAY_SESSION_KEY

# What payback is measured against: the median wage of all U.S. occupations, BLS OEWS May 2024
# (data/README.md, check 1). A worker already earning more recovers the cost more slowly.
BASELINE_ANNUAL_WAGE_USD = 49_500
BASELINE_WAGE_SOURCE_URL = "https://www.bls.gov/oes/special-requests/oesm24nat.zip"
BASELINE_WAGE_VINTAGE = "May 2024"

# Columns the list and the compare table never show; skipping them keeps rows small.
_HEAVY_COLUMNS = ("search_en", "search_es", "name_unaccent")


class CompareError(ValueError):
    """The ids given to compare cannot be compared; the message is fit to show a user."""


def credential_index_rows() -> QuerySet[ComparisonIndex]:
    """Return the index rows of published credentials, without the columns lists never show."""
    return ComparisonIndex.objects.defer(*_HEAVY_COLUMNS)


def credential_search(*, params: Mapping[str, Any], request: Any = None) -> CredentialFilter:
    """Return the bound FilterSet over published index rows; .qs gives the sorted results."""
    return CredentialFilter(params, queryset=credential_index_rows(), request=request)


def compare_slugs_parse(*, raw: str | None) -> list[str]:
    """Split ?ids=a,b,c into 2 to 4 distinct slugs, or raise CompareError saying what is wrong."""
    parts = [p.strip().lower() for p in (raw or "").split(",") if p.strip()]
    if not parts:
        raise CompareError(_("Choose 2 to 4 credentials or programs to compare."))
    bad = [p for p in parts if not CREDENTIAL_SLUG_RE.match(p)]
    if bad:
        raise CompareError(
            _("These are not credential ids: %(ids)s.") % {"ids": ", ".join(bad[:4])}
        )
    slugs = list(dict.fromkeys(parts))
    if len(slugs) < 2:
        raise CompareError(_("Choose at least 2 different credentials or programs to compare."))
    if len(slugs) > COMPARE_MAX:
        raise CompareError(_("You can compare at most 4 credentials or programs at a time."))
    return slugs


@dataclass
class CompareColumn:
    # A credential's index row, or a program dressed as one (row.is_program).
    row: Any
    occupations: list[Occupation] = field(default_factory=list)
    funding: FundingScreen | None = None
    payback_months: int | None = None
    best: set[str] = field(default_factory=set)


def _payback_months(row: Any) -> int | None:
    """Months of wage gain (lowest linked occupation median minus the baseline) to repay cost."""
    if row.total_cost_max_usd is None or row.occupation_wage_min_usd is None:
        return None
    monthly_gain = Decimal(row.occupation_wage_min_usd - BASELINE_ANNUAL_WAGE_USD) / 12
    if monthly_gain <= 0:
        return None
    return math.ceil(row.total_cost_max_usd / monthly_gain)


def _mark_best(columns: list[CompareColumn]) -> None:
    """Mark the best value of each comparable row (ties all marked; missing values never)."""
    rules = {
        "cost": (lambda c: c.row.total_cost_max_usd, min),
        "weeks": (lambda c: c.row.duration_weeks, min),
        "placement": (lambda c: c.row.placement_rate_pct, max),
        "salary": (lambda c: c.row.median_salary_usd, max),
        "wage": (lambda c: c.row.occupation_wage_min_usd, max),
        "payback": (lambda c: c.payback_months, min),
        "recognition": (lambda c: c.row.recognition_count or None, max),
    }
    for key, (value_of, pick) in rules.items():
        values = [value_of(c) for c in columns if value_of(c) is not None]
        # Nothing to single out when fewer than two are known or all are the same.
        if len(values) < 2 or len(set(values)) == 1:
            continue
        best = pick(values)
        for column in columns:
            if value_of(column) == best:
                column.best.add(key)


def credential_compare(
    *, slugs: list[str], answers: Mapping[str, Any] | None = None
) -> list[CompareColumn]:
    """Return one column per slug in the order given, or raise CompareError for unknown slugs.

    Each column says what may pay for it, screened with the person's answers (none: the
    program's facts alone). Programs ("program-<id>") stand beside credentials and are
    screened by the same rules from their own facts (state list, Scorecard, hours, length).
    """
    program_ids = {s: program_compare_id_parse(s) for s in slugs}
    credential_slugs = [s for s in slugs if program_ids[s] is None]
    rows: dict[str, Any] = {}
    if credential_slugs:
        rows = {
            row.slug: row
            for row in ComparisonIndex.objects.defer(*_HEAVY_COLUMNS).filter(
                slug__in=credential_slugs
            )
        }
    wanted_programs = [i for i in program_ids.values() if i is not None]
    if wanted_programs:
        rows.update((row.slug, row) for row in program_compare_rows(ids=wanted_programs).values())
    missing = [s for s in slugs if s not in rows]
    if missing:
        raise CompareError(
            _("We could not find these credentials or programs: %(ids)s.")
            % {"ids": ", ".join(missing)}
        )
    codes = {code for row in rows.values() for code in row.occupation_codes}
    occupations = {o.soc_code: o for o in Occupation.objects.filter(soc_code__in=codes)}
    for row in rows.values():
        if getattr(row, "is_program", False):
            wages: list[int] = [
                wage
                for c in row.occupation_codes
                if c in occupations and (wage := occupations[c].median_annual_wage) is not None
            ]
            # Payback uses the cautious figure, as for credentials.
            row.occupation_wage_min_usd = min(wages) if wages else None
    facts = credentials_program_facts(slugs=credential_slugs) if credential_slugs else {}
    if wanted_programs:
        for program in programs_for_screen().filter(pk__in=wanted_programs):
            screened = program_facts(program=program)
            facts[screened.slug] = screened
    screens = {
        screen.facts.slug: screen
        for screen in credentials_funding_screen(facts=list(facts.values()), answers=answers or {})
    }
    columns = []
    for slug in slugs:
        row = rows[slug]
        columns.append(
            CompareColumn(
                row=row,
                occupations=[occupations[c] for c in row.occupation_codes if c in occupations],
                funding=screens.get(slug),
                payback_months=_payback_months(row),
            )
        )
    _mark_best(columns)
    return columns


def compare_tray_rows(*, session: Mapping[str, Any]) -> list[Any]:
    """Return the credentials' index rows and programs in the compare tray, in tray order."""
    slugs = list(session.get(COMPARE_TRAY_SESSION_KEY, []))
    if not slugs:
        return []
    program_ids = [i for i in (program_compare_id_parse(s) for s in slugs) if i is not None]
    rows: dict[str, Any] = {}
    if len(program_ids) < len(slugs):
        rows = {
            r.slug: r
            for r in ComparisonIndex.objects.only(
                "credential_id", "slug", "name", "provider_name"
            ).filter(slug__in=slugs)
        }
    if program_ids:
        rows.update(
            (p.compare_id, SimpleNamespace(slug=p.compare_id, name=p.name))
            for p in Program.objects.only("id", "name").filter(pk__in=program_ids)
        )
    return [rows[s] for s in slugs if s in rows]


def compare_tray_known(*, slug: str) -> bool:
    """Say whether a slug names a published credential or a program that can be compared."""
    program_id = program_compare_id_parse(slug)
    if program_id is not None:
        return Program.objects.filter(pk=program_id).exists()
    return (
        bool(CREDENTIAL_SLUG_RE.match(slug)) and ComparisonIndex.objects.filter(slug=slug).exists()
    )


@dataclass
class CredentialDetail:
    credential: Credential
    row: ComparisonIndex | None
    payback_months: int | None
    facts: ProgramFacts


def credential_detail(*, slug: str) -> CredentialDetail | None:
    """Return everything the detail page shows for one published credential, or None."""
    # Keyed by language too: the program facts carry sentences said in the page's language.
    return public_cached(
        "credential-detail", slug, get_language(), compute=lambda: _credential_detail(slug)
    )


def _credential_detail(slug: str) -> CredentialDetail | None:
    credential = (
        Credential.objects.published()
        .select_related("provider", "index_row", "video")
        .prefetch_related(
            "cost_items",
            Prefetch("outcome_reports", queryset=OutcomeReport.objects.in_counted_order()),
            "occupations",
            "funding_sources",
        )
        .filter(slug=slug, status=CredentialStatus.PUBLISHED)
        .first()
    )
    if credential is None:
        return None
    row = getattr(credential, "index_row", None)
    return CredentialDetail(
        credential=credential,
        row=row,
        payback_months=_payback_months(row) if row else None,
        facts=credential_program_facts(credential=credential),
    )


def occupation_credentials(*, soc_code: str, limit: int = 12) -> QuerySet[ComparisonIndex]:
    """Return index rows of credentials leading to an occupation, certified first, then cheapest."""
    return (
        ComparisonIndex.objects.defer(*_HEAVY_COLUMNS)
        .filter(occupation_codes__contains=[soc_code])
        .order_by("-certified", "-recognition_count", "total_cost_min_usd", "name")[:limit]
    )


def step_credentials_resolve(steps: Iterable[Any]) -> dict[int, list[dict[str, Any]]]:
    """Resolve pathway steps to credentials, for pathways.extensions.

    Assumed step attributes (all optional; the pathways app defines steps): credential_slugs
    (explicit list), or category / credential_type / level, optionally with
    occupation.soc_code, to pick the best-fitting credentials (certified first, then cheapest).
    """
    steps = list(steps)
    explicit: dict[int, list[str]] = {}
    criteria: dict[int, dict[str, Any]] = {}
    for step in steps:
        slugs = list(getattr(step, "credential_slugs", None) or [])
        if slugs:
            explicit[step.pk] = slugs
            continue
        wanted = {
            key: getattr(step, key, "") or "" for key in ("category", "credential_type", "level")
        }
        occupation = getattr(step, "occupation", None)
        wanted["soc_code"] = getattr(occupation, "soc_code", "") or ""
        if any(wanted.values()):
            criteria[step.pk] = wanted
    if not explicit and not criteria:
        return {}
    # One query for every step: rows named explicitly plus rows in any wanted category/code.
    all_slugs = {s for slugs in explicit.values() for s in slugs}
    queryset = ComparisonIndex.objects.only(
        "credential_id",
        "slug",
        "name",
        "certified",
        "total_cost_min_usd",
        "total_cost_max_usd",
        "category",
        "credential_type",
        "level",
        "occupation_codes",
        "recognition_count",
    )
    condition = Q(slug__in=all_slugs)
    for wanted in criteria.values():
        part = Q()
        for key in ("category", "credential_type", "level"):
            if wanted[key]:
                part &= Q(**{key: wanted[key]})
        if wanted["soc_code"]:
            part &= Q(occupation_codes__contains=[wanted["soc_code"]])
        condition |= part
    rows = list(queryset.filter(condition).order_by("-certified", "total_cost_min_usd", "name"))

    def summary(row: ComparisonIndex) -> dict[str, Any]:
        return {
            "slug": row.slug,
            "name": row.name,
            "url": reverse("credentials:detail", kwargs={"slug": row.slug}),
            "certified": row.certified,
            "total_cost_usd": row.total_cost_max_usd,
        }

    result: dict[int, list[dict[str, Any]]] = {}
    by_slug = {row.slug: row for row in rows}
    for step_id, slugs in explicit.items():
        found = sorted((by_slug[s] for s in slugs if s in by_slug), key=lambda r: not r.certified)
        result[step_id] = [summary(r) for r in found]
    for step_id, wanted in criteria.items():
        matches = [
            r
            for r in rows
            if all(
                not wanted[k] or getattr(r, k) == wanted[k]
                for k in ("category", "credential_type", "level")
            )
            and (not wanted["soc_code"] or wanted["soc_code"] in r.occupation_codes)
        ]
        result[step_id] = [summary(r) for r in matches[:5]]
    return result
