"""The rows of the side-by-side table, shared by the compare page and its CSV download."""

from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from careerportal.numbers import usd

from .models import Category, CredentialType, price_date_plain
from .selectors import CompareColumn


def money(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return usd(value)


def cost_text(row: Any) -> str:
    if row.total_cost_min_usd is None:
        return _("Not published")
    if row.total_cost_min_usd == row.total_cost_max_usd:
        return money(row.total_cost_min_usd)
    return _("%(low)s to %(high)s") % {
        "low": money(row.total_cost_min_usd),
        "high": money(row.total_cost_max_usd),
    }


def weeks_text(row: Any) -> str:
    if getattr(row, "is_program", False):
        parts = []
        if row.total_hours:
            parts.append(_("%(hours)s hours of class") % {"hours": number_format(row.total_hours)})
        if row.program.calendar_length:
            parts.append(str(row.program.get_calendar_length_display()))
        return " · ".join(parts) or _("Not published")
    if row.duration_weeks is not None:
        return _("%(weeks)s weeks") % {"weeks": number_format(row.duration_weeks.normalize())}
    if row.total_hours:
        return _("%(hours)s hours of study") % {"hours": number_format(row.total_hours)}
    return _("Not published")


def certification_text(row: Any) -> str:
    if row.certified:
        return _("Certified by the Alliance (decided %(date)s)") % {
            "date": row.certification_decided_on.isoformat()
        }
    if row.certification_status:
        return _("Not certified now (last decision: %(status)s, %(date)s)") % {
            "status": row.get_certification_status_display(),
            "date": row.certification_decided_on.isoformat(),
        }
    return _("Not reviewed by the Alliance")


def _verdict_names(matches: list[Any]) -> str:
    """Each source with the rule that decided it, as the page and the CSV show it."""
    parts = []
    for match in matches:
        amount = (
            _("up to %(amount)s") % {"amount": money(match.covers_up_to_usd)}
            if match.covers_up_to_usd is not None
            else _("amount not confirmed")
        )
        rule = f": {match.decided_by}" if match.decided_by else ""
        parts.append(f"{match.source.name} ({amount}){rule}")
    return "; ".join(parts)


def _program_salary_text(program: Any) -> str:
    """A program's earnings figure in its own terms (state quarterly wage or Scorecard median)."""
    if program.wage_q2_usd is not None:
        return _("%(wage)s a quarter on average, 2 quarters after finishing") % {
            "wage": money(program.wage_q2_usd)
        }
    if program.median_earnings_usd is not None:
        text = _("median earnings %(pay)s a year") % {"pay": money(program.median_earnings_usd)}
        if program.median_debt_usd is not None:
            text += "; " + _("median debt %(debt)s") % {"debt": money(program.median_debt_usd)}
        return text
    if {"wage_q2_usd", "median_earnings_usd"} & set(program.withheld):
        return withheld_text(program)
    return _("Not reported")


def withheld_text(program: Any) -> str:
    if program.source == "scorecard":
        return _("Withheld to protect students' privacy")
    return _("Withheld by the state")


def _likely_cell(column: CompareColumn) -> dict[str, Any]:
    screen = column.funding
    names = _verdict_names(screen.likely) if screen else ""
    return _cell(names or _("None from what we know"))


def _maybe_cell(column: CompareColumn) -> dict[str, Any]:
    """Possible sources in full; unknown ones named, with what we do not know on the page."""
    screen = column.funding
    if screen is None:
        return _cell("")
    parts = [_verdict_names(screen.possible)] if screen.possible else []
    if screen.unknown:
        # Each with what we do not know (the rule that left it unknown), as the program page.
        parts.append(
            _("Unknown from our data: %(names)s")
            % {
                "names": ", ".join(
                    f"{m.source.name} ({m.decided_by})" if m.decided_by else m.source.name
                    for m in screen.unknown
                )
            }
        )
    return _cell("; ".join(parts) or _("None"))


def _cost_left_cell(column: CompareColumn) -> dict[str, Any]:
    """The range left to pay, with its assumptions in words."""
    screen = column.funding
    if screen is None or screen.facts.total_cost_usd is None:
        return _cell(_("Price not published"))
    if screen.facts.total_cost_usd == 0:
        return _cell(_("Nothing to pay: the published price is $0"))
    left = screen.left
    if left.low_usd == left.high_usd:
        text = _("%(left)s: the full price (no source that may pay has a confirmed amount)") % {
            "left": money(left.high_usd)
        }
    else:
        text = _("%(low)s to %(high)s") % {"low": money(left.low_usd), "high": money(left.high_usd)}
    return _cell(text, assumptions=left.assumptions)


def _cell(text: str, *, best: bool = False, **extra: Any) -> dict[str, Any]:
    return {"text": text, "best": best, **extra}


def _kind_text(row: Any) -> str:
    if getattr(row, "is_program", False):
        what = row.program.credential_earned or row.program.cip_title
        return f"{_('Training program')} · {what}" if what else _("Training program")
    return f"{CredentialType(row.credential_type).label} · {Category(row.category).label}"


def _place_text(row: Any) -> str:
    if not getattr(row, "is_program", False):
        return _("Not tied to a place")
    program = row.program
    place = ", ".join(p for p in (program.city, program.state) if p)
    if program.online:
        return f"{place} · {_('Online')}" if place else _("Online")
    return place or _("Place not published")


def _detail_url(row: Any) -> str:
    if getattr(row, "is_program", False):
        return reverse("programs:detail", kwargs={"program_id": row.program.pk})
    return reverse("credentials:detail", kwargs={"slug": row.slug})


def compare_rows(*, columns: list[CompareColumn]) -> list[dict[str, Any]]:
    """Return the table as rows of labelled cells (plain text plus source, date and flags)."""
    rows: list[dict[str, Any]] = []

    def add(key: str, label: str, cells: list[dict[str, Any]]) -> None:
        rows.append({"key": key, "label": label, "cells": cells})

    add("provider", _("Who offers it"), [_cell(c.row.provider_name) for c in columns])
    add("type", _("Kind"), [_cell(_kind_text(c.row)) for c in columns])
    if any(getattr(c.row, "is_program", False) for c in columns):
        add("place", _("Where"), [_cell(_place_text(c.row)) for c in columns])
    add(
        "cost",
        _("Total cost"),
        [
            _cell(
                cost_text(c.row),
                best="cost" in c.best,
                date=price_date_plain(c.row.cost_source_date),
                synthetic=c.row.cost_is_synthetic,
            )
            for c in columns
        ],
    )
    add(
        "weeks",
        _("Time to finish"),
        [_cell(weeks_text(c.row), best="weeks" in c.best) for c in columns],
    )
    outcome_cells = []
    salary_cells = []
    for c in columns:
        extra = {
            "source_url": c.row.outcome_source_url,
            "source_name": c.row.outcome_source_name,
            "date": c.row.outcome_period,
            "synthetic": c.row.outcome_is_synthetic,
        }
        placement = c.row.placement_rate_pct
        program = getattr(c.row, "program", None)
        if program is not None:
            placement_missing = (
                withheld_text(program)
                if "employed_q2_pct" in program.withheld
                else _("Not reported")
            )
            placement_text = (
                _("%(pct)s%% employed 2 quarters after finishing")
                % {"pct": number_format(placement.normalize())}
                if placement is not None
                else placement_missing
            )
            salary_text = _program_salary_text(program)
            salary_cells.append(
                _cell(salary_text, **(extra if program.earnings_usd is not None else {}))
            )
        else:
            placement_text = (
                f"{number_format(placement.normalize())}%"
                if placement is not None
                else _("Not reported")
            )
        outcome_cells.append(
            _cell(
                placement_text,
                best="placement" in c.best,
                **(extra if placement is not None else {}),
            )
        )
        if program is not None:
            continue
        salary = c.row.median_salary_usd
        salary_cells.append(
            _cell(
                money(salary) if salary is not None else _("Not reported"),
                best="salary" in c.best,
                **(extra if salary is not None else {}),
            )
        )
    add("placement", _("Share who found a job (as published)"), outcome_cells)
    add("salary", _("Graduates' starting salary (as published)"), salary_cells)
    add(
        "wages",
        _("Median wage of the jobs it leads to"),
        [
            _cell(
                "; ".join(
                    f"{o.title}: {money(o.median_annual_wage)}"
                    for o in c.occupations
                    if o.median_annual_wage is not None
                )
                or _("Not linked to an occupation"),
                best="wage" in c.best,
                occupations=c.occupations,
            )
            for c in columns
        ],
    )
    add(
        "payback",
        _("Payback estimate"),
        [
            _cell(
                _("Nothing to repay (price is $0)")
                if c.payback_months == 0
                else (
                    ngettext("about %(months)s month", "about %(months)s months", c.payback_months)
                    % {"months": c.payback_months}
                )
                if c.payback_months is not None
                else _("Cannot estimate"),
                best="payback" in c.best,
            )
            for c in columns
        ],
    )
    add(
        "certification",
        _("Alliance certification"),
        [_cell(certification_text(c.row)) for c in columns],
    )
    add(
        "recognition",
        _("Alliance employers that recognize it"),
        [_cell(str(c.row.recognition_count), best="recognition" in c.best) for c in columns],
    )
    add("funding_likely", _("Likely to help pay"), [_likely_cell(c) for c in columns])
    add("cost_left", _("Left to pay (range)"), [_cost_left_cell(c) for c in columns])
    add("funding_maybe", _("May help, or not known"), [_maybe_cell(c) for c in columns])
    add(
        "link",
        _("Details"),
        [_cell(_detail_url(c.row), link=True) for c in columns],
    )
    return rows
