"""Reads: the program facts of a credential, and what may pay for it (pathways' screener).

The screener (pathways.screener) knows the funding rules; the catalog knows the programs. This
module turns a credential into the screener's program facts, saying where each fact comes from,
so pages can show the facts used next to the verdict and the range left to pay.
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

from careerportal.numbers import usd
from pathways.extensions import ListedPrograms, ScreenProgram
from pathways.screener import (
    LIKELY,
    POSSIBLE,
    UNKNOWN,
    FundingMatch,
    LeftToPay,
    funding_sources_for_screen,
    funding_sources_screen,
    left_to_pay,
)

from .models import (
    CREDENTIAL_SLUG_RE,
    PRICE_DATE_NOT_SHOWN,
    Credential,
    CredentialType,
    OutcomeReport,
    Provider,
    price_date_plain,
)
from .programs.compare import program_compare_id_parse

# What "left to pay" assumes; the compare page and the compare API say it in these words.
FUNDING_ASSUMPTIONS = gettext_lazy(
    "Left to pay is a range. It starts from the highest published price. The lower figure is "
    "if every source marked likely or possible pays the most its agency publishes for this "
    "year; the higher figure is if none pays. Sources without a confirmed amount are not "
    "counted; a yearly limit is counted once."
)


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
    # The catalog does not track state Eligible Training Provider Lists, Title IV participation
    # or VA approval of a credential: unknown unless a program record says so.
    on_etpl: bool | None = None
    etpl_state: str = ""
    title_iv: bool | None = None
    va_approved: bool | None = None
    # The program itself is listed for federal student aid (a College Scorecard program); a
    # school that takes Title IV may still not have this program eligible (noncredit courses).
    title_iv_program: bool | None = None
    # Where the facts above come from, by fact name, when known.
    fact_sources: dict[str, str] = field(default_factory=dict)
    # A published length band ("4 to 11 weeks") when no exact number of weeks is known.
    weeks_low: Decimal | None = None
    weeks_high: Decimal | None = None
    # The page of a program (credentials have their own detail page).
    page_url: str = ""

    @property
    def url(self) -> str:
        return self.page_url or reverse("credentials:detail", kwargs={"slug": self.slug})

    def as_program(self) -> dict[str, Any]:
        """The screener's program facts."""
        weeks: Decimal | int | None = self.weeks
        if self.weeks is not None and self.weeks == self.weeks.to_integral_value():
            weeks = int(self.weeks)  # the screener's reasons print "12 weeks", not "12.0 weeks"
        band = {"weeks_low": self.weeks_low, "weeks_high": self.weeks_high}
        return {
            "clock_hours": self.clock_hours,
            "weeks": weeks,
            **(band if weeks is None and self.weeks_low is not None else {}),
            "total_cost_usd": self.total_cost_usd,
            "on_etpl": self.on_etpl,
            "etpl_state": self.etpl_state,
            "title_iv": self.title_iv,
            "title_iv_program": self.title_iv_program,
            "va_approved": self.va_approved,
            "credential_type": self.credential_type,
            "completion_rate": self.completion_rate,
            "placement_rate": self.placement_rate,
            "listed_funding": self.listed_funding,
            "sources": {
                "clock_hours": self.clock_hours_basis,
                "weeks": _("Published length") if self.weeks is not None else "",
                "completion_rate": self.outcome_basis,
                "placement_rate": self.outcome_basis,
                **self.fact_sources,
            },
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

    def _yes_no_row(
        self, label: str, value: bool | None, key: str, silent: str
    ) -> tuple[str, str, str]:
        if value is None:
            return (label, _("Not known"), silent)
        return (label, _("Yes") if value else _("No"), self.fact_sources.get(key, ""))

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
                usd(self.total_cost_usd) if self.total_cost_usd is not None else not_known,
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
                else self.fact_sources.get("weeks_band", not_known),
                _("Published length")
                if self.weeks is not None or self.weeks_low is not None
                else _("Not published"),
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
            self._yes_no_row(
                _("On the state's training provider list (ETPL)"),
                self.on_etpl,
                "on_etpl",
                _("This catalog does not track state lists: ask the provider or a job center."),
            ),
            self._yes_no_row(
                _("School takes federal student aid (Title IV)"),
                self.title_iv,
                "title_iv",
                _("Not in our data: ask the school's financial aid office."),
            ),
            self._yes_no_row(
                _("This program is listed for federal student aid"),
                self.title_iv_program,
                "title_iv_program",
                _(
                    "Not in our data: ask the school's financial aid office (noncredit "
                    "continuing-education programs often are not eligible)."
                ),
            ),
            self._yes_no_row(
                _("Approved for VA education benefits"),
                self.va_approved,
                "va_approved",
                _("Not in our data: ask the school's certifying official."),
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
            # "1.5 times", not "150%": a bare % reads as a format directive to gettext tools.
            what = _(
                "CIRR: finished within 1.5 times the length; employed in the field in 180 days"
            )
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
        **_provider_title_iv(credential.provider),
    )


# What the College Scorecard is, as the pages say it beside a Title IV fact.
SCORECARD_COVERS = gettext_lazy(
    "The Scorecard covers schools that take federal student aid (Title IV)."
)


def _provider_title_iv(provider: Provider) -> dict[str, Any]:
    """The school takes federal student aid when the provider is tied to a College Scorecard
    school (programs.services.providers_scorecard_match: exact name, only school of it);
    whether a given program is eligible stays the school's to say."""
    if not provider.scorecard_unitid:
        return {}
    return {
        "title_iv": True,
        "fact_sources": {
            "title_iv": _(
                "Listed in the College Scorecard (U.S. Department of Education) as %(name)s, "
                "UNITID %(unitid)s; matched by %(how)s. %(covers)s"
            )
            % {
                "name": provider.scorecard_name,
                "unitid": provider.scorecard_unitid,
                "how": provider.get_scorecard_match_display(),
                "covers": SCORECARD_COVERS,
            }
        },
    }


_FACT_FIELDS = (
    "slug",
    "name",
    "status",
    "credential_type",
    "price_model",
    "total_hours",
    "duration_weeks",
    "hours_per_week",
    "provider__scorecard_unitid",
    "provider__scorecard_name",
    "provider__scorecard_match",
    "index_row__total_cost_max_usd",
    "index_row__cost_source_date",
)


def credential_facts_queryset() -> Any:
    """Published credentials with what credential_program_facts reads, in a fixed query count."""
    return (
        Credential.objects.published()
        .select_related("index_row", "provider")
        # Only what it reads: the full rows (every language's text, the search columns) were
        # half of a compare's time (bench/results/search_pages_profile.txt).
        .only(*_FACT_FIELDS)
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
    def possible(self) -> list[FundingMatch]:
        return [m for m in self.matches if m.outcome == POSSIBLE]

    @property
    def unknown(self) -> list[FundingMatch]:
        return [m for m in self.matches if m.outcome == UNKNOWN]

    @property
    def left(self) -> LeftToPay:
        """The range left to pay, with its assumptions (pathways.screener.left_to_pay)."""
        return left_to_pay(
            matches=self.matches,
            cost_usd=self.facts.total_cost_usd,
            cost_date=self.facts.cost_date,
        )


def credentials_funding_screen(
    *, facts: list[ProgramFacts], answers: Mapping[str, Any]
) -> list[FundingScreen]:
    """Screen each program against every funding source, loading the sources once."""
    sources = funding_sources_for_screen()
    return [
        FundingScreen(
            facts=f,
            matches=funding_sources_screen(
                answers=answers, program=f.as_program(), sources=sources
            ),
        )
        for f in facts
    ]


# ETPL calendar-length codes as weeks (low, high), from the code labels; months at 52/12 weeks.
_CALENDAR_WEEKS: dict[int, tuple[str, str | None]] = {
    1: ("0", "0.2"),
    2: ("0.2", "0.4"),
    3: ("0.4", "1"),
    4: ("2", "3"),
    5: ("4", "11"),
    6: ("13", "26"),
    7: ("26", "56"),
    8: ("56", "104"),
    9: ("156", "208"),
    10: ("208", None),
}


def program_facts(*, program: Any) -> ProgramFacts:
    """The screener's facts of a training program (credentials.programs.Program), with sources.

    Listed on a state ETPL: on that state's list. A College Scorecard program: the school takes
    federal student aid (Title IV) and lists this program. A provider tied to a Scorecard school
    (exact name, the only school of it): the school takes federal student aid; whether this
    program is eligible is unknown (the school's financial aid office says).
    """
    from .programs.models import ProgramSource

    listing = _("%(list)s, file of %(date)s") % {
        "list": f"{program.get_source_display()} {program.source_state}".strip(),
        "date": program.source_date.isoformat(),
    }
    is_etpl = program.source == ProgramSource.ETPL
    sources = {"clock_hours": listing, "weeks": listing, "on_etpl": listing}
    title_iv = _provider_title_iv(program.provider)
    if program.source == ProgramSource.SCORECARD:
        title_iv = {"title_iv": True, "title_iv_program": True}
        sources["title_iv"] = sources["title_iv_program"] = _(
            "The College Scorecard (U.S. Department of Education) lists this program at "
            "%(school)s, UNITID %(unitid)s. %(covers)s"
        ) % {
            "school": program.provider.name,
            "unitid": program.external_id.split("-", 1)[0],
            "covers": SCORECARD_COVERS,
        }
    sources.update(title_iv.pop("fact_sources", {}))
    band = _CALENDAR_WEEKS.get(program.calendar_length or 0)
    if band:
        sources["weeks_band"] = str(program.get_calendar_length_display())
    return ProgramFacts(
        slug=f"program-{program.pk}",
        name=program.name,
        credential_type="training_program",
        # No program has 0 clock hours: a list that gives 0 has not stated them.
        clock_hours=program.clock_hours or None,
        clock_hours_basis=listing
        if program.clock_hours
        else _("The list gives 0: read as not published")
        if program.clock_hours == 0
        else _("Not published"),
        weeks=None,
        weeks_low=Decimal(band[0]) if band else None,
        weeks_high=Decimal(band[1]) if band and band[1] is not None else None,
        total_cost_usd=math.ceil(program.total_cost_usd)
        if program.total_cost_usd is not None
        else None,
        cost_date=program.source_date.isoformat(),
        completion_rate=None,
        placement_rate=None,
        outcome_basis="",
        outcome_is_synthetic=program.is_synthetic,
        on_etpl=True if is_etpl else None,
        etpl_state=program.source_state if is_etpl else "",
        fact_sources=sources,
        **title_iv,
        page_url=reverse("programs:detail", kwargs={"program_id": program.pk}),
    )


def programs_for_screen() -> Any:
    """Programs with their provider (and its College Scorecard match) in one query."""
    from .programs.models import Program

    return Program.objects.select_related("provider")


def program_funding_screen(*, program_id: int, answers: Mapping[str, Any]) -> FundingScreen | None:
    """What may pay for one program, or None when no program has this id."""
    program = programs_for_screen().filter(pk=program_id).first()
    if program is None:
        return None
    return credentials_funding_screen(facts=[program_facts(program=program)], answers=answers)[0]


def listed_programs_resolve(states: list[str]) -> dict[str, ListedPrograms]:
    """The programs loaded from each state's ETPL, for the state's funding source (one query)."""
    from django.db.models import Count, Max

    from .programs.models import Program, ProgramSource

    rows = (
        Program.objects.filter(source=ProgramSource.ETPL, source_state__in=states)
        .values("source_state")
        .annotate(count=Count("id"), newest=Max("source_date"))
    )
    return {
        row["source_state"]: ListedPrograms(
            state=row["source_state"],
            count=row["count"],
            url=reverse("programs:list") + "?wioa=true",
            source=_("%(state)s ETPL, file of %(date)s")
            % {"state": row["source_state"], "date": row["newest"].isoformat()},
        )
        for row in rows
    }


def screen_program_resolve(slug: str) -> ScreenProgram | None:
    """Describe a published credential or a program ("program-<id>") for /funding/."""
    program_id = program_compare_id_parse(slug)
    if program_id is not None:
        program = programs_for_screen().filter(pk=program_id).first()
        return program_facts(program=program).for_screen() if program is not None else None
    if not CREDENTIAL_SLUG_RE.match(slug):
        return None
    facts = credentials_program_facts(slugs=[slug]).get(slug)
    if facts is None:
        return None
    return facts.for_screen()
