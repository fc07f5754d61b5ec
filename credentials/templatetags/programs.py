"""Template helpers of the program pages."""

from decimal import Decimal
from typing import Any

from django import template
from django.template import Context
from django.template.defaultfilters import date as date_format
from django.template.defaultfilters import floatformat
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from careerportal.numbers import usd

from ..outcome_provenance import program_outcome_provenance
from ..programs.models import CalendarLength
from .catalog import tray_action

register = template.Library()


@register.simple_tag
def outcome_value(program: object, field: str, kind: str) -> str:
    """One outcome figure as text: the number, "withheld" (said whose) or "not reported"."""
    if field in (getattr(program, "withheld", None) or []):
        if getattr(program, "source", "") == "scorecard":
            return gettext("withheld to protect students' privacy")
        return gettext("withheld by the state")
    value = getattr(program, field, None)
    if value is None:
        return gettext("not reported")
    if kind == "pct":
        return f"{number_format(Decimal(value).normalize())}%"
    if kind == "money":
        return usd(value)
    return number_format(value, force_grouping=True)


def _tags(program: Any) -> SafeString:
    tags = []
    if program.wioa_eligible:
        tags.append(format_html('<span class="usa-tag">{}</span>', gettext("WIOA-eligible")))
    if program.in_demand:
        tags.append(format_html('<span class="usa-tag">{}</span>', gettext("In demand")))
    return mark_safe(" ".join(tags))  # noqa: S308 (each part escaped by format_html)


def _where(program: Any) -> str:
    if program.city:
        place = program.city + (f", {program.state}" if program.state else "")
        place += f" {program.zip_code}" if program.zip_code else ""
        distance = getattr(program, "distance_miles", None)
        if distance is not None:
            miles = floatformat(distance, "1")
            place += " · " + gettext("%(miles)s miles away") % {"miles": miles}
    else:
        place = gettext("Place not published")
    if program.online:
        place += " · " + gettext("Online")
    return place


def _cost(program: Any) -> SafeString:
    if program.total_cost_usd is None:
        return format_html("{}", gettext("Not published"))
    listed = gettext("list of %(date)s") % {"date": date_format(program.source_date, "Y-m-d")}
    return format_html(
        '${} <span class="figure-source">({})</span>',
        floatformat(program.total_cost_usd, "0g"),
        listed,
    )


def _time(program: Any) -> str:
    parts = []
    if program.clock_hours:
        parts.append(gettext("%(hours)s hours of class") % {"hours": program.clock_hours})
    if program.calendar_length:
        # Not get_calendar_length_display(): it hashes (so translates) every choice's label.
        parts.append(str(CalendarLength(program.calendar_length).label))
    return " · ".join(parts) or gettext("Not published")


@register.simple_tag
def headline_outcome(program: Any) -> SafeString:
    """The one outcome a list shows for a program, with its source, or why there is none."""
    source = format_html(
        ' <span class="figure-source">({}, {})</span>',
        program.outcome_source,
        program.outcome_period,
    )
    if program.employment_rate_pct is not None:
        pct = floatformat(program.employment_rate_pct, "-1")
        # A provider's CIRR report (no quarter figures) counts jobs in the field within 180 days.
        cirr = program.source == "provider" and program.employed_q2_pct is None
        text = format_html(
            "{}",
            gettext("%(pct)s%% employed in the field within 180 days of finishing") % {"pct": pct}
            if cirr
            else gettext("%(pct)s%% employed 2 quarters after finishing") % {"pct": pct},
        )
        if program.wage_q2_usd is not None:
            wage = floatformat(program.wage_q2_usd, "0g")
            text += format_html("; {}", gettext("average $%(wage)s a quarter") % {"wage": wage})
        text += source
    elif program.median_earnings_usd is not None:
        pay = floatformat(program.median_earnings_usd, "0g")
        text = format_html("{}", gettext("median earnings $%(pay)s a year") % {"pay": pay})
        if program.median_debt_usd is not None:
            debt = floatformat(program.median_debt_usd, "0g")
            text += format_html("; {}", gettext("median debt $%(debt)s") % {"debt": debt})
        text += source
    elif program.withheld:
        text = format_html(
            "{}",
            gettext(
                "Withheld by the Department of Education to protect students' privacy "
                "(too few students)"
            )
            if program.source == "scorecard"
            else gettext("Withheld by the state"),
        )
    else:
        text = format_html("{}", gettext("Not reported"))
    if said := program_outcome_provenance(program):
        text += format_html(' <strong class="outcome-provenance">{}</strong>', said)
    if program.is_synthetic:
        text += format_html(
            ' <span class="synthetic-flag">{}</span>', gettext("synthetic (made up for testing)")
        )
    return text


@register.simple_tag(takes_context=True)
def program_card(context: Context, program: Any, list_url: str) -> SafeString:
    """One program of the search results as a USWDS card.

    Built in Python: twenty cards through the template engine took 15 ms, more than the
    search's SQL (bench/programs_search.py).
    """
    facts = format_html_join(
        "",
        "\n  <div><dt>{}</dt><dd>{}</dd></div>",
        [
            (gettext("Where"), _where(program)),
            (gettext("Total cost"), _cost(program)),
            (gettext("Time"), _time(program)),
            (gettext("Results"), headline_outcome(program)),
        ],
    )
    credential = f" · {program.credential_earned}" if program.credential_earned else ""
    return format_html(
        '<li class="usa-card grid-col-12">\n'
        '    <div class="usa-card__container">\n'
        '      <div class="usa-card__header">\n'
        '        <h2 class="usa-card__heading"><a class="usa-link" href="{url}{pk}/">{name}</a>'
        "</h2>\n"
        '        <p class="margin-0">{provider}{credential}\n          {tags}</p>\n'
        "      </div>\n"
        '      <div class="usa-card__body"><dl class="result-facts">{facts}\n</dl></div>\n'
        '      <div class="usa-card__footer">{tray}</div>\n'
        "    </div>\n"
        "  </li>",
        url=list_url,
        pk=program.pk,
        name=program.name,
        provider=program.provider.name,
        credential=credential,
        tags=_tags(program),
        facts=facts,
        tray=tray_action(
            context,
            program.compare_id,
            program.name,
            in_tray=program.compare_id in (context.get("tray_slugs") or ()),
        ),
    )
