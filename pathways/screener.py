"""The funding rules, in one place: which sources may pay, for whom and for which program, and why.

Every verdict is one of likely / possible / unlikely / unknown and names the facts it rests on:
the person's answers, the program's own facts (each with where it comes from) and the funding
source's facts (FundingFact rows, each with its page, award year and the day it was read).
Where the data is silent the verdict is "unknown"; nothing is "possible" by default.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from careerportal.numbers import usd
from careerportal.public_cache import public_cached

from .models import (
    EmploymentStatus,
    FactKey,
    FundingFact,
    FundingKind,
    FundingSource,
    FundingStatus,
    IncomeBand,
    IncomeTest,
    PriorDegreeRule,
)

LIKELY, POSSIBLE, UNKNOWN, UNLIKELY = "likely", "possible", "unknown", "unlikely"
VERDICTS = [LIKELY, POSSIBLE, UNKNOWN, UNLIKELY]
# How bad a verdict is: a source's verdict is the worst any of its rules gives.
_SEVERITY = {LIKELY: 0, POSSIBLE: 1, UNKNOWN: 2, UNLIKELY: 3}


@dataclass(frozen=True)
class Reason:
    """One rule's finding, with the fact it rests on and where that fact comes from."""

    text: str
    source: str = ""
    url: str = ""

    def __str__(self) -> str:
        return self.text


def _fact_reason(text: str, fact: FundingFact | None) -> Reason:
    if fact is None:
        return Reason(text)
    where = fact.source_title or fact.source_url
    if fact.read_on:
        where = _("%(where)s, read %(day)s") % {
            "where": where,
            "day": date_format(fact.read_on, "Y-m-d"),
        }
    return Reason(text, where, fact.source_url)


@dataclass
class FundingMatch:
    """Whether one source may pay, and why: reasons for, against, unknowns and checks."""

    source: FundingSource
    outcome: str = LIKELY
    reasons_for: list[Reason] = field(default_factory=list)
    reasons_against: list[Reason] = field(default_factory=list)
    unknowns: list[Reason] = field(default_factory=list)
    to_check: list[Reason] = field(default_factory=list)
    # The confirmed amount fact used (or the unconfirmed one, shown but not counted).
    amount_fact: FundingFact | None = None
    covers_up_to_usd: int | None = None
    cost_left_usd: int | None = None

    def _worsen(self, outcome: str) -> None:
        if _SEVERITY[outcome] > _SEVERITY[self.outcome]:
            self.outcome = outcome

    def met(self, reason: Reason | str) -> None:
        self.reasons_for.append(reason if isinstance(reason, Reason) else Reason(reason))

    def against(self, reason: Reason | str) -> None:
        self._worsen(UNLIKELY)
        self.reasons_against.append(reason if isinstance(reason, Reason) else Reason(reason))

    def unknown(self, reason: Reason | str) -> None:
        """The data is silent on a fact this source's rules need."""
        self._worsen(UNKNOWN)
        self.unknowns.append(reason if isinstance(reason, Reason) else Reason(reason))

    def check(self, reason: Reason | str) -> None:
        """Someone outside our data decides (the agency, the school, the employer, the FAFSA)."""
        self._worsen(POSSIBLE)
        self.to_check.append(reason if isinstance(reason, Reason) else Reason(reason))

    @property
    def amount_not_counted_why(self) -> str:
        """Why no amount of this source is counted (its figure is not verified), or "" when it
        is counted or has no amount fact at all."""
        if self.covers_up_to_usd is not None or self.amount_fact is None:
            return ""
        return self.amount_fact.why_not_counted

    @property
    def decided_by(self) -> Reason | None:
        """The rule that set the verdict."""
        for reasons in (self.reasons_against, self.unknowns, self.to_check):
            if reasons:
                return reasons[0]
        # A likely verdict rests most on a fact with a named source (the program's listing).
        sourced = [r for r in self.reasons_for if r.source]
        chosen = sourced or self.reasons_for
        return chosen[0] if chosen else None


def _screen_person(match: FundingMatch, answers: Mapping[str, Any]) -> None:
    source = match.source
    if source.veteran_required:
        veteran = answers.get("veteran")
        if veteran is True:
            match.met(_("You said you are a veteran."))
        elif veteran is False:
            match.against(_("Only for veterans."))
        else:
            match.check(_("Only for veterans."))
    state = answers.get("state")
    states = source.residency_states
    if states:
        if state and state not in states:
            match.against(_("Only for people in %(states)s.") % {"states": ", ".join(states)})
        elif state:
            match.met(_("You live in %(state)s.") % {"state": state})
        else:
            match.check(_("Only for people in %(states)s.") % {"states": ", ".join(states)})
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
            match.met(_("You do not have a bachelor's degree yet."))
    employment = answers.get("employment")
    if source.employment_statuses and employment:
        if employment not in source.employment_statuses:
            labels = ", ".join(
                str(EmploymentStatus(s).label).lower() for s in source.employment_statuses
            )
            match.against(_("Only for people who are: %(statuses)s.") % {"statuses": labels})
        else:
            match.met(_("You are working."))
    if source.employer_required and employment in (None, "", EmploymentStatus.EMPLOYED):
        match.check(_("Your employer must offer it. Ask your employer."))
    income = answers.get("income")
    dislocated = employment == EmploymentStatus.DISLOCATED
    if source.dislocated_eligible and dislocated:
        match.met(_("Dislocated workers can qualify."))
    if source.income_test == IncomeTest.PRIORITY and not dislocated:
        if income == IncomeBand.LOW:
            match.met(_("Low income gives you priority."))
        else:
            match.check(
                _(
                    "A counselor decides if you qualify; low income, no diploma or other "
                    "barriers help."
                )
            )
    elif source.income_test == IncomeTest.NEED_BASED:
        if income == IncomeBand.LOW:
            match.met(_("It is based on financial need, and you said your income is low."))
            match.check(_("The FAFSA decides how much."))
        elif income == IncomeBand.HIGHER:
            match.check(
                _("It is based on financial need: with a higher income you may get little or none.")
            )
        else:
            match.check(_("It is based on financial need: the FAFSA decides."))


def _number(value: Decimal | int | float) -> str:
    value = Decimal(str(value))
    return number_format(value.normalize() if value == value.to_integral() else value)


def _range_text(*, low: Any, high: Any, below: bool) -> str:
    """Word a program-length rule that may set only a minimum, only a maximum, or both."""
    if high is None:
        return _("at least %(low)s") % {"low": _number(low)}
    if not low:
        return (_("under %(high)s") if below else _("at most %(high)s")) % {"high": _number(high)}
    return (_("%(low)s to under %(high)s") if below else _("%(low)s to %(high)s")) % {
        "low": _number(low),
        "high": _number(high),
    }


def _program_source(program: Mapping[str, Any], key: str) -> str:
    return str((program.get("sources") or {}).get(key, ""))


def _yes_no_rule(
    match: FundingMatch,
    program: Mapping[str, Any],
    key: str,
    *,
    met: str,
    unmet: str,
    unknown: str,
    fact: FundingFact | None,
) -> None:
    """A program fact the source requires: met, not met, or not in our data (unknown)."""
    known = program.get(key)
    where = _program_source(program, key)
    if known is True:
        match.met(Reason(met, where))
    elif known is False:
        match.against(Reason(unmet, where))
    else:
        match.unknown(_fact_reason(unknown, fact))


def _limits(
    source: FundingSource, low_key: str, high_key: str, on: dt.date
) -> tuple[Decimal | None, Decimal | None, FundingFact | None, bool]:
    """A rule's bounds from the source's facts in effect, and whether any bound is unconfirmed."""
    low_fact, high_fact = source.fact(low_key, on=on), source.fact(high_key, on=on)
    unconfirmed = any(f is not None and not f.usable for f in (low_fact, high_fact))
    low = low_fact.value if low_fact is not None and low_fact.usable else None
    high = high_fact.value if high_fact is not None and high_fact.usable else None
    return low, high, low_fact or high_fact, unconfirmed


def _screen_length(match: FundingMatch, program: Mapping[str, Any], on: dt.date) -> None:
    source = match.source
    low, high, fact, unconfirmed = _limits(
        source, FactKey.MIN_CLOCK_HOURS, FactKey.MAX_CLOCK_HOURS, on
    )
    if unconfirmed:
        match.check(_fact_reason(_("Its clock-hour rule is not confirmed."), fact))
    if low is not None or high is not None:
        needed = _range_text(low=low or 0, high=high, below=False)
        hours = program.get("clock_hours")
        where = _program_source(program, "clock_hours")
        if hours is None:
            match.unknown(
                _fact_reason(
                    _("The program's clock hours are not published; it needs %(range)s.")
                    % {"range": needed},
                    fact,
                )
            )
        elif hours < (low or 0) or (high is not None and hours > high):
            match.against(
                Reason(
                    _("The program has %(hours)s clock hours; it needs %(range)s.")
                    % {"hours": _number(hours), "range": needed},
                    where,
                )
            )
        else:
            match.met(
                Reason(
                    _("The program has %(hours)s clock hours; it needs %(range)s.")
                    % {"hours": _number(hours), "range": needed},
                    where,
                )
            )
    low, below, fact, unconfirmed = _limits(source, FactKey.MIN_WEEKS, FactKey.WEEKS_LESS_THAN, on)
    if unconfirmed:
        match.check(_fact_reason(_("Its rule on weeks is not confirmed."), fact))
    if low is None and below is None:
        return
    needed = _range_text(low=low or 0, high=below, below=True)
    weeks = program.get("weeks")
    shortest = program.get("weeks_low", weeks)
    longest = program.get("weeks_high", weeks)
    where = _program_source(program, "weeks")
    if shortest is None or longest is None:
        match.unknown(
            _fact_reason(
                _("The program's length in weeks is not published; it needs %(range)s weeks.")
                % {"range": needed},
                fact,
            )
        )
        return
    shortest, longest = Decimal(str(shortest)), Decimal(str(longest))
    said = (
        _number(shortest)
        if shortest == longest
        else _("%(low)s to %(high)s") % {"low": _number(shortest), "high": _number(longest)}
    )
    text = _("The program lasts %(weeks)s weeks; it needs %(range)s.") % {
        "weeks": said,
        "range": needed,
    }
    fits_low = low is None or shortest >= low
    fits_high = below is None or longest < below
    misses = (low is not None and longest < low) or (below is not None and shortest >= below)
    if misses:
        match.against(Reason(text, where))
    elif fits_low and fits_high:
        match.met(Reason(text, where))
    else:
        match.unknown(Reason(text + " " + _("The published length is too rough to tell."), where))


def _screen_outcomes(match: FundingMatch, program: Mapping[str, Any], on: dt.date) -> None:
    for key, fact_key, label in (
        ("completion_rate", FactKey.MIN_COMPLETION_PCT, _("completion")),
        ("placement_rate", FactKey.MIN_PLACEMENT_PCT, _("job placement")),
    ):
        fact = match.source.fact(fact_key, on=on)
        if fact is None:
            continue
        if not fact.usable:
            match.check(
                _fact_reason(_("Its %(what)s rule is not confirmed.") % {"what": label}, fact)
            )
            continue
        threshold = _number(fact.value or 0)
        rate = program.get(key)
        if rate is None:
            match.unknown(
                _fact_reason(
                    _("It needs at least %(pct)s%% %(what)s; the program's rate is not known.")
                    % {"pct": threshold, "what": label},
                    fact,
                )
            )
            continue
        text = _("It needs at least %(pct)s%% %(what)s; the program has %(rate)s%%.") % {
            "pct": threshold,
            "what": label,
            "rate": _number(rate),
        }
        if Decimal(str(rate)) < (fact.value or 0):
            match.against(Reason(text, _program_source(program, key)))
        else:
            match.met(Reason(text, _program_source(program, key)))


def _screen_etpl(
    match: FundingMatch, program: Mapping[str, Any], person_state: str, on: dt.date
) -> None:
    source = match.source
    listed = program.get("on_etpl")
    listed_in = program.get("etpl_state") or ""
    where = _program_source(program, "on_etpl")
    provider_rule = source.fact(FactKey.PROVIDER_RULE, on=on)
    if listed is None:
        match.unknown(
            _fact_reason(
                _(
                    "We do not know whether the program is on your state's list of eligible "
                    "training providers (ETPL): ask your local American Job Center."
                ),
                provider_rule,
            )
        )
    elif listed is False:
        match.against(
            Reason(_("The program is not on the state's training provider list (ETPL)."), where)
        )
    elif source.state and listed_in and listed_in != source.state:
        match.against(
            Reason(
                _("The program is on %(listed)s's list, not %(state)s's.")
                % {"listed": listed_in, "state": source.state},
                where,
            )
        )
    elif person_state and listed_in and listed_in != person_state:
        match.check(
            Reason(
                _(
                    "The program is on %(listed)s's list and you live in %(state)s: ask your "
                    "American Job Center whether it can pay for it."
                )
                % {"listed": listed_in, "state": person_state},
                where,
            )
        )
    else:
        match.met(
            Reason(
                _(
                    "On %(state)s's Eligible Training Provider List: eligible for WIOA training "
                    "funds, through your local American Job Center."
                )
                % {"state": listed_in or _("the state")},
                where,
            )
        )


def _screen_title_iv_program(match: FundingMatch, program: Mapping[str, Any]) -> None:
    """A Title IV school does not make every program eligible: only a program our data lists
    for federal aid (a College Scorecard program) counts; otherwise the school says."""
    if program.get("title_iv") is not True:
        return
    where = _program_source(program, "title_iv_program")
    if program.get("title_iv_program") is True:
        match.met(Reason(_("The program itself is listed for federal student aid."), where))
    else:
        match.check(
            Reason(
                _(
                    "Whether this program is eligible for federal student aid is for the "
                    "school's financial aid office to say: noncredit continuing-education "
                    "programs often are not."
                ),
                _program_source(program, "title_iv"),
            )
        )


def _screen_program(
    match: FundingMatch, program: Mapping[str, Any], *, person_state: str, on: dt.date
) -> None:
    source = match.source
    if source.requires_etpl:
        _screen_etpl(match, program, person_state, on)
    provider_rule = source.fact(FactKey.PROVIDER_RULE, on=on)
    if source.requires_title_iv:
        _yes_no_rule(
            match,
            program,
            "title_iv",
            met=_("The school takes federal student aid (Title IV)."),
            unmet=_("The provider does not take federal student aid (Title IV)."),
            unknown=_(
                "We do not know whether the provider takes federal student aid (Title IV): ask "
                "its financial aid office."
            ),
            fact=provider_rule,
        )
        _screen_title_iv_program(match, program)
    if source.requires_va_approval:
        _yes_no_rule(
            match,
            program,
            "va_approved",
            met=_("The program is approved for VA education benefits."),
            unmet=_("The program is not approved for VA education benefits."),
            unknown=_(
                "We do not know whether the program is approved for VA education benefits: ask "
                "the school's certifying official or use the GI Bill Comparison Tool."
            ),
            fact=source.fact(FactKey.PUBLIC_TUITION, on=on),
        )
    _screen_length(match, program, on)
    _screen_outcomes(match, program, on)
    types = program.get("credential_type")
    if source.credential_types and types and types not in source.credential_types:
        match.against(_("It does not pay for this kind of credential."))
    listed = program.get("listed_funding")
    if listed and source.slug in listed and match.outcome != UNLIKELY:
        match.met(_("The catalog lists it as a way to pay for this program."))
    cost = program.get("total_cost_usd")
    amount = source.fact(FactKey.MAX_AWARD, on=on)
    match.amount_fact = amount
    if cost is not None and match.outcome != UNLIKELY and amount is not None and amount.usable:
        most = int(amount.value or 0)
        match.covers_up_to_usd = min(int(cost), most)
        match.cost_left_usd = max(int(cost) - most, 0)


def _screen_dates(match: FundingMatch, on: dt.date) -> None:
    source = match.source
    if source.status == FundingStatus.CLOSED:
        match.against(_("Closed to new applicants."))
    elif source.status == FundingStatus.PENDING:
        match.check(_("Not open yet."))
    start = source.fact(FactKey.STARTS_ON, on=on)
    if start is not None and start.value_date is not None and start.value_date > on:
        match.check(
            _fact_reason(
                _("It starts on %(day)s.") % {"day": date_format(start.value_date, "Y-m-d")},
                start,
            )
        )


def screening_day() -> dt.date:
    """The day whose facts apply when a caller names none: today."""
    return timezone.localdate()


def funding_sources_for_screen() -> list[FundingSource]:
    """Every funding source with its application steps and facts: from the public cache until
    the catalog changes (every credential page and comparison screens against all of them)."""
    return public_cached("funding-sources", compute=_funding_sources_read)


def _funding_sources_read() -> list[FundingSource]:
    """Every funding source with its application steps and facts, in two extra queries."""
    return list(
        FundingSource.objects.prefetch_related(
            "apply_steps", Prefetch("facts", queryset=FundingFact.objects.all())
        )
    )


def funding_sources_screen(
    *,
    answers: Mapping[str, Any],
    program: Mapping[str, Any] | None = None,
    sources: Iterable[FundingSource] | None = None,
    on: dt.date | None = None,
) -> list[FundingMatch]:
    """Say which funding sources may pay, and why (not), for a person and optionally a program.

    answers: state ("VA"), veteran (bool), income (IncomeBand), employment (EmploymentStatus),
    education (EducationLevel or "graduate"), age (int); any may be missing.
    program: clock_hours, weeks (or weeks_low and weeks_high for a published range),
    total_cost_usd, on_etpl (bool) and etpl_state, title_iv (bool: the school takes federal
    student aid), title_iv_program (bool: the program itself is listed for it), va_approved (bool),
    credential_type, completion_rate and placement_rate (percent 0-100), listed_funding (slugs
    of the sources a catalog ties to the program), sources ({fact name: where it comes from});
    any may be missing or None (then rules that need it say "unknown").
    sources: the funding sources to screen, loaded by funding_sources_for_screen (all when None).
    on: the day whose facts apply (today when None).
    """
    on = on or screening_day()
    if sources is None:
        sources = funding_sources_for_screen()
    person_state = answers.get("state") or ""
    matches = []
    for source in sources:
        match = FundingMatch(source=source)
        _screen_dates(match, on)
        _screen_person(match, answers)
        if program is not None:
            _screen_program(match, program, person_state=person_state, on=on)
        if source.to_verify:
            match.check(_("The rules are not confirmed yet: check with the agency."))
        if match.outcome == LIKELY and not match.reasons_for:
            match.unknown(
                _("Nothing we know shows that it fits you or the program; read who is eligible.")
            )
        matches.append(match)
    # The person's own state's sources first within each verdict, then by name.
    matches.sort(
        key=lambda m: (
            _SEVERITY[m.outcome],
            not (person_state and m.source.state == person_state),
            m.source.name,
        )
    )
    return matches


# Sources that are one pot of money, or that the law lets a person use only one of at a time:
# the best case counts only the largest of each group.
_SAME_MONEY = {
    FundingKind.PELL: "pell",
    FundingKind.WORKFORCE_PELL: "pell",
    FundingKind.WIOA_ITA: "wioa",
    FundingKind.VETERANS: "veterans",
}


def _same_money_group(match: FundingMatch) -> str:
    return _SAME_MONEY.get(FundingKind(match.source.kind), match.source.slug)


@dataclass
class LeftToPay:
    """What may be left to pay for one program: a range, and the plain-words reasons for it."""

    cost_usd: int | None
    cost_date: str
    # Likely or possible sources with a confirmed amount, counted in the best case.
    counted: list[FundingMatch]
    # Likely or possible sources without a confirmed amount: never counted.
    not_counted: list[FundingMatch]
    low_usd: int | None
    high_usd: int | None

    @property
    def assumptions(self) -> list[str]:
        """The assumptions behind the range, in plain words, translated."""
        if self.cost_usd is None:
            return [_("No price is published for this program, so we cannot count what is left.")]
        money = usd(self.cost_usd)
        said = [
            _("We start from the highest published price, %(cost)s (price date: %(date)s).")
            % {"cost": money, "date": self.cost_date or _("not shown")}
        ]
        if self.counted:
            names = ", ".join(
                _("%(source)s up to %(amount)s")
                % {
                    "source": m.source.name,
                    "amount": usd(m.covers_up_to_usd or 0),
                }
                for m in self.counted
            )
            said.append(
                _(
                    "The lower figure is if each source marked likely or possible pays the most "
                    "its agency publishes for this year: %(names)s. Sources that are the same "
                    "money, or cannot be used together (Pell and Workforce Pell), count once."
                )
                % {"names": names}
            )
        said.append(
            _(
                "The higher figure is if none of them pays: each is decided by the agency, the "
                "school or the employer, not by this site."
            )
        )
        if self.not_counted:
            said.append(
                _("Not counted, because no amount is confirmed: %(names)s.")
                % {"names": ", ".join(m.source.name for m in self.not_counted)}
            )
            said.extend(
                f"{m.source.name}: {m.amount_not_counted_why}"
                for m in self.not_counted
                if m.amount_not_counted_why
            )
        said.append(
            _(
                "A yearly limit is counted once, as if you finish within a year. Travel, "
                "equipment and lost pay are not counted."
            )
        )
        return said


def left_to_pay(
    *, matches: Iterable[FundingMatch], cost_usd: int | None, cost_date: str = ""
) -> LeftToPay:
    """The range left to pay after the sources that may pay, with what it assumes."""
    open_matches = [m for m in matches if m.outcome in (LIKELY, POSSIBLE)]
    counted = [m for m in open_matches if m.covers_up_to_usd is not None]
    not_counted = [m for m in open_matches if m.covers_up_to_usd is None]
    if cost_usd is None:
        return LeftToPay(None, cost_date, counted, not_counted, None, None)
    best: dict[str, int] = {}
    for match in counted:
        group = _same_money_group(match)
        best[group] = max(best.get(group, 0), match.covers_up_to_usd or 0)
    low = max(cost_usd - sum(best.values()), 0)
    return LeftToPay(cost_usd, cost_date, counted, not_counted, low, cost_usd)


def _most_paid(*, caps: dict[str, int], reach: dict[str, set[int]], costs: list[int]) -> int:
    """The most the sources can pay together: each source (group) at most its cap over all the
    programs it may pay for, each program at most its price (a maximum flow, by shortest
    augmenting paths; a plan holds at most a few dozen programs and a dozen sources)."""
    sink, start = "sink", "start"
    residual: dict[str, dict[str, int]] = {start: {}, sink: {}}
    for group, cap in caps.items():
        residual[start][f"g:{group}"] = cap
        residual.setdefault(f"g:{group}", {start: 0})
        for index in reach.get(group, set()):
            residual[f"g:{group}"][f"p:{index}"] = costs[index]
            residual.setdefault(f"p:{index}", {sink: 0})[f"g:{group}"] = 0
    for index, cost in enumerate(costs):
        residual.setdefault(f"p:{index}", {})[sink] = cost
        residual[sink].setdefault(f"p:{index}", 0)
    paid = 0
    while True:
        came_from: dict[str, str] = {start: start}
        queue = [start]
        while queue and sink not in came_from:
            node = queue.pop(0)
            for after, room in residual[node].items():
                if room > 0 and after not in came_from:
                    came_from[after] = node
                    queue.append(after)
        if sink not in came_from:
            return paid
        path, node = [], sink
        while node != start:
            path.append((came_from[node], node))
            node = came_from[node]
        push = min(residual[a][b] for a, b in path)
        for a, b in path:
            residual[a][b] -= push
            residual[b][a] = residual[b].get(a, 0) + push
        paid += push


@dataclass
class LeftToPayTotal:
    """What may be left to pay for several programs together (a plan): the sum of their ranges."""

    # The programs with a published price, and how many have none (left out of the sums).
    priced: int
    unpriced: int
    cost_usd: int
    low_usd: int
    high_usd: int

    @property
    def assumptions(self) -> list[str]:
        """What the totals assume, in plain words, translated."""
        if not self.priced:
            return [_("No item has a published price, so we cannot add up what is left.")]
        said = [
            ngettext(
                "The totals add up %(count)s item with a published price.",
                "The totals add up %(count)s items with a published price.",
                self.priced,
            )
            % {"count": self.priced},
            _(
                "The higher total is if no source pays: the highest published prices added "
                "together."
            ),
            _(
                "The lower total is if every source marked likely or possible pays the most its "
                "agency publishes, counted once for the whole plan, as if you do it all in one "
                "year: one yearly limit does not pay twice."
            ),
        ]
        return said


def left_to_pay_total(*, parts: Iterable[LeftToPay]) -> LeftToPayTotal:
    """Add up several programs' ranges left to pay; a source's most is counted once in all."""
    parts = list(parts)
    priced = [p for p in parts if p.cost_usd is not None]
    costs = [int(p.cost_usd or 0) for p in priced]
    caps: dict[str, int] = {}
    reach: dict[str, set[int]] = {}
    for index, part in enumerate(priced):
        for match in part.counted:
            group = _same_money_group(match)
            most = int(match.amount_fact.value or 0) if match.amount_fact is not None else 0
            caps[group] = max(caps.get(group, 0), most)
            reach.setdefault(group, set()).add(index)
    total = sum(costs)
    paid = _most_paid(caps=caps, reach=reach, costs=costs)
    return LeftToPayTotal(
        priced=len(priced),
        unpriced=len(parts) - len(priced),
        cost_usd=total,
        low_usd=max(total - paid, 0),
        high_usd=total,
    )
