"""The rows of the side-by-side table, shared by the compare page and its CSV download."""

from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Category, CredentialType, price_date_plain
from .selectors import CompareColumn


def money(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return "$" + number_format(Decimal(value).quantize(Decimal(1)), force_grouping=True)


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


def _likely_cell(column: CompareColumn) -> dict[str, Any]:
    screen = column.funding
    names = ", ".join(m.source.name for m in screen.likely) if screen else ""
    return _cell(names or _("None from what we know"))


def _maybe_cell(column: CompareColumn) -> dict[str, Any]:
    screen = column.funding
    if screen is None:
        return _cell("")
    # Only the sources the catalog ties to the program: the others are all "maybe" for almost
    # any program, and the credential's page lists them with their reasons.
    listed = [m for m in screen.maybe if m.source.slug in screen.facts.listed_funding]
    others = len(screen.maybe) - len(listed)
    parts = []
    for match in listed:
        if match.cost_left_usd is not None:
            parts.append(
                _("%(source)s (if it applies: %(left)s left)")
                % {"source": match.source.name, "left": money(match.cost_left_usd)}
            )
        else:
            parts.append(match.source.name)
    if others:
        parts.append(
            ngettext(
                "%(count)s other to check on its page",
                "%(count)s others to check on its page",
                others,
            )
            % {"count": others}
        )
    return _cell("; ".join(parts) or _("None"))


def _cost_left_cell(column: CompareColumn) -> dict[str, Any]:
    """The cost left after the best likely source, with the assumption in words."""
    screen = column.funding
    if screen is None or screen.facts.total_cost_usd is None:
        return _cell(_("Price not published"))
    best = screen.best_likely
    if screen.facts.total_cost_usd == 0:
        return _cell(_("Nothing to pay: the published price is $0"))
    if best is None:
        return _cell(
            _("%(left)s: the full price (no likely source with a known amount)")
            % {"left": money(screen.facts.total_cost_usd)}
        )
    return _cell(
        _("%(left)s after %(source)s, if you qualify")
        % {"left": money(best.cost_left_usd), "source": best.source.name}
    )


def _cell(text: str, *, best: bool = False, **extra: Any) -> dict[str, Any]:
    return {"text": text, "best": best, **extra}


def compare_rows(*, columns: list[CompareColumn]) -> list[dict[str, Any]]:
    """Return the table as rows of labelled cells (plain text plus source, date and flags)."""
    rows: list[dict[str, Any]] = []

    def add(key: str, label: str, cells: list[dict[str, Any]]) -> None:
        rows.append({"key": key, "label": label, "cells": cells})

    add("provider", _("Who offers it"), [_cell(c.row.provider_name) for c in columns])
    add(
        "type",
        _("Kind"),
        [
            _cell(
                f"{CredentialType(c.row.credential_type).label} · {Category(c.row.category).label}"
            )
            for c in columns
        ],
    )
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
        outcome_cells.append(
            _cell(
                f"{number_format(placement.normalize())}%"
                if placement is not None
                else _("Not reported"),
                best="placement" in c.best,
                **(extra if placement is not None else {}),
            )
        )
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
    add("cost_left", _("Cost left to pay"), [_cost_left_cell(c) for c in columns])
    add("funding_maybe", _("May help: check first"), [_maybe_cell(c) for c in columns])
    add(
        "link",
        _("Details"),
        [
            _cell(reverse("credentials:detail", kwargs={"slug": c.row.slug}), link=True)
            for c in columns
        ],
    )
    return rows
