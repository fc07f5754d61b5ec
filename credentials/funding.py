"""Reads: the program facts of a credential, and what may pay for it (pathways' screener).

The screener (pathways.selectors.funding_sources_screen) knows the funding rules; the catalog
knows the programs. This module turns a credential into the screener's program facts, saying
where each fact comes from, so pages can show the facts used next to the answer.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pathways.extensions import ScreenProgram
from pathways.models import FundingSource
from pathways.selectors import LIKELY, MAYBE, FundingMatch, funding_sources_screen

from .models import (
    CREDENTIAL_SLUG_RE,
    PRICE_DATE_NOT_SHOWN,
    Credential,
    CredentialType,
    OutcomeReport,
    price_date_plain,
)

# What "cost left to pay" assumes; the compare page and the compare API say it in these words.
FUNDING_ASSUMPTIONS = gettext_lazy(
    "Cost left to pay starts from the highest published price and takes off the most the best "
    "likely source pays. It is before any income-based grant, such as a Pell Grant, and only if "
    "you qualify; a yearly limit is counted once. “May help” sources need a check first."
)


def _usd(value: int) -> str:
    return "$" + number_format(value, force_grouping=True)


@dataclass
class ProgramFacts:
    """What the catalog knows about a credential that funding rules ask about."""

    slug: str
    name: str
    credential_type: str
    clock_hours: int | None
    clock_hours_basis: str
    weeks: Decimal | None
    # The highest published total: the cautious figure for "cost left to pay".
    total_cost_usd: int | None
    cost_date: str
    completion_rate: Decimal | None
    placement_rate: Decimal | None
    outcome_basis: str
    outcome_is_synthetic: bool
    listed_funding: list[str] = field(default_factory=list)
    # How the provider charges ("Paid by the employer"), shown when no price is published.
    price_model_label: str = ""
    # The catalog does not track state Eligible Training Provider Lists: always unknown.
    on_etpl: bool | None = None

    @property
    def url(self) -> str:
        return reverse("credentials:detail", kwargs={"slug": self.slug})

    def as_program(self) -> dict[str, Any]:
        """The screener's program facts."""
        weeks: Decimal | int | None = self.weeks
        if self.weeks is not None and self.weeks == self.weeks.to_integral_value():
            weeks = int(self.weeks)  # the screener's reasons print "12 weeks", not "12.0 weeks"
        return {
            "clock_hours": self.clock_hours,
            "weeks": weeks,
            "total_cost_usd": self.total_cost_usd,
            "on_etpl": self.on_etpl,
            "credential_type": self.credential_type,
            "completion_rate": self.completion_rate,
            "placement_rate": self.placement_rate,
            "listed_funding": self.listed_funding,
        }

    def for_screen(self) -> ScreenProgram:
        """The program as the screener's pages show it."""
        return ScreenProgram(
            slug=self.slug,
            name=self.name,
            url=self.url,
            program=self.as_program(),
            facts=self.rows(),
            total_cost_usd=self.total_cost_usd,
            cost_date=self.cost_date,
        )

    def rows(self) -> list[tuple[str, str, str]]:
        """The facts as shown: (label, value, where it comes from), translated."""
        not_known = _("Not known")
        outcome_note = self.outcome_basis + (
            " · " + _("synthetic (made up for testing)") if self.outcome_is_synthetic else ""
        )
        return [
            (
                _("Kind of credential"),
                str(CredentialType(self.credential_type).label)
                if self.credential_type in CredentialType.values
                else self.credential_type,
                _("Catalog"),
            ),
            (
                _("Total cost"),
                _usd(self.total_cost_usd) if self.total_cost_usd is not None else not_known,
                _("Highest published price; price date: %(date)s")
                % {
                    "date": price_date_plain(self.cost_date).replace(
                        PRICE_DATE_NOT_SHOWN, _("not shown")
                    )
                    or _("not shown")
                }
                if self.total_cost_usd is not None
                else _("No published price")
                + (f" ({self.price_model_label})" if self.price_model_label else ""),
            ),
            (
                _("Length"),
                _("%(weeks)s weeks") % {"weeks": number_format(self.weeks.normalize())}
                if self.weeks is not None
                else not_known,
                _("Published length") if self.weeks is not None else _("Not published"),
            ),
            (
                _("Clock hours"),
                number_format(self.clock_hours) if self.clock_hours is not None else not_known,
                self.clock_hours_basis,
            ),
            (
                _("Completion rate"),
                f"{number_format(self.completion_rate.normalize())}%"
                if self.completion_rate is not None
                else not_known,
                outcome_note if self.completion_rate is not None else _("Not reported"),
            ),
            (
                _("Job placement rate"),
                f"{number_format(self.placement_rate.normalize())}%"
                if self.placement_rate is not None
                else not_known,
                outcome_note if self.placement_rate is not None else _("Not reported"),
            ),
            (
                _("On the state's training provider list (ETPL)"),
                not_known,
                _("This catalog does not track state lists: ask the provider or a job center."),
            ),
        ]


def _outcome_used(reports: Iterable[OutcomeReport]) -> OutcomeReport | None:
    """The report that counts (OutcomeReportQuerySet.counted), from reports prefetched with
    in_counted_order(): the first one with figures."""
    return next((report for report in reports if report.has_figures), None)  # type: ignore[attr-defined]


def credential_program_facts(*, credential: Credential) -> ProgramFacts:
    """Build the screener's program facts of one credential from the catalog.

    Reads credential.index_row, cost_items and outcome_reports (prefetch them, with outcome
    reports ordered real first then newest, as credentials_program_facts does).
    """
    if credential.total_hours:
        hours: int | None = credential.total_hours
        hours_basis = _("Published total hours of study")
    elif credential.duration_weeks and credential.hours_per_week:
        hours = round(credential.duration_weeks * credential.hours_per_week)
        hours_basis = _("%(weeks)s weeks at %(hours)s hours a week, as published") % {
            "weeks": number_format(credential.duration_weeks.normalize()),
            "hours": number_format(credential.hours_per_week.normalize()),
        }
    else:
        hours, hours_basis = None, _("Not published")
    row = getattr(credential, "index_row", None)
    items = list(credential.cost_items.all())
    if row is not None and row.total_cost_max_usd is not None:
        cost: Decimal | None = row.total_cost_max_usd
        cost_date = row.cost_source_date
    elif items:
        cost = sum((item.total_max_usd for item in items), Decimal(0))
        cost_date = "; ".join(sorted({i.source_date for i in items if i.source_date}))
    else:
        cost, cost_date = None, ""
    report = _outcome_used(credential.outcome_reports.all())
    completion = placement = None
    basis = ""
    if report is not None:
        completion = report.graduated_150_pct
        if report.employed_in_field_180_days_pct is not None:
            placement = report.employed_in_field_180_days_pct
            what = _("CIRR: finished within 150% of the length; employed in the field in 180 days")
        else:
            placement = report.reported_employment_pct
            what = _("In the provider's own terms, not CIRR")
        basis = f"{report.source_name or _('source not named')}, {report.period} ({what})"
    return ProgramFacts(
        slug=credential.slug,
        name=credential.name,
        credential_type=credential.credential_type,
        clock_hours=hours,
        clock_hours_basis=hours_basis,
        weeks=credential.duration_weeks,
        total_cost_usd=math.ceil(cost) if cost is not None else None,
        cost_date=cost_date,
        completion_rate=completion,
        placement_rate=placement,
        outcome_basis=basis,
        outcome_is_synthetic=bool(report and report.is_synthetic),
        listed_funding=[source.slug for source in credential.funding_sources.all()],
        price_model_label=str(credential.get_price_model_display())
        if credential.price_model
        else "",
    )


def credential_facts_queryset() -> Any:
    """Published credentials with what credential_program_facts reads, in a fixed query count."""
    return (
        Credential.objects.published()
        .select_related("index_row")
        .prefetch_related(
            "cost_items",
            "funding_sources",
            Prefetch("outcome_reports", queryset=OutcomeReport.objects.in_counted_order()),
        )
    )


def credentials_program_facts(*, slugs: list[str]) -> dict[str, ProgramFacts]:
    """Program facts of the published credentials with these slugs (unknown slugs left out)."""
    credentials = credential_facts_queryset().filter(slug__in=slugs)
    return {c.slug: credential_program_facts(credential=c) for c in credentials}


@dataclass
class FundingScreen:
    """What may pay for one program, given a person's answers (possibly none yet)."""

    facts: ProgramFacts
    matches: list[FundingMatch]

    @property
    def likely(self) -> list[FundingMatch]:
        return [m for m in self.matches if m.outcome == LIKELY]

    @property
    def maybe(self) -> list[FundingMatch]:
        return [m for m in self.matches if m.outcome == MAYBE]

    @property
    def best_likely(self) -> FundingMatch | None:
        """The likely source that leaves the least to pay, when any says how much it pays."""
        known = [m for m in self.likely if m.cost_left_usd is not None]
        return min(known, key=lambda m: m.cost_left_usd or 0) if known else None

    @property
    def cost_left_usd(self) -> int | None:
        """Cost left after the best likely source, or the full price when none is known."""
        best = self.best_likely
        return best.cost_left_usd if best is not None else self.facts.total_cost_usd


def credentials_funding_screen(
    *, facts: list[ProgramFacts], answers: Mapping[str, Any]
) -> list[FundingScreen]:
    """Screen each program against every funding source, loading the sources once."""
    sources = list(FundingSource.objects.prefetch_related("apply_steps"))
    return [
        FundingScreen(
            facts=f,
            matches=funding_sources_screen(
                answers=answers, program=f.as_program(), sources=sources
            ),
        )
        for f in facts
    ]


def screen_program_resolve(slug: str) -> ScreenProgram | None:
    """Describe a published credential for the /funding/ screener (pathways.extensions)."""
    if not CREDENTIAL_SLUG_RE.match(slug):
        return None
    facts = credentials_program_facts(slugs=[slug]).get(slug)
    if facts is None:
        return None
    return facts.for_screen()
