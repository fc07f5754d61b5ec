"""Template helpers of the catalog pages."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.forms import BoundField
from django.template import Context
from django.template.defaultfilters import floatformat
from django.template.defaulttags import CsrfTokenNode
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from careerportal.numbers import usd

from ..models import PRICE_DATE_NOT_SHOWN, Category, CredentialType, price_date_plain

register = template.Library()


@register.simple_tag
def missing_facts(rows: Iterable[Any]) -> str:
    """Once above the results, what they leave out: rows show only the facts that are known."""
    rows = list(rows)
    no_job = sum(r.placement_rate_pct is None for r in rows)
    no_price = sum(r.total_cost_min_usd is None for r in rows)
    no_length = sum(not r.duration_weeks and not r.total_hours for r in rows)
    said = []
    if no_job:
        said.append(
            ngettext(
                "%(count)s gives no job results",
                "%(count)s give no job results",
                no_job,
            )
            % {"count": no_job}
        )
    if no_price:
        said.append(
            ngettext("%(count)s has no price", "%(count)s have no price", no_price)
            % {"count": no_price}
        )
    if no_length:
        said.append(
            ngettext(
                "%(count)s has no length given",
                "%(count)s have no length given",
                no_length,
            )
            % {"count": no_length}
        )
    if not said:
        return ""
    return gettext(
        "Of these %(total)s: %(missing)s. Providers do not have to publish them; a result shows "
        "what is known."
    ) % {"total": len(rows), "missing": "; ".join(said)}


@register.filter
def price_date(value: str) -> str:
    """A price's source date as stored, with "not shown" said in the page's language."""
    return price_date_plain(value).replace(PRICE_DATE_NOT_SHOWN, gettext("not shown"))


@register.simple_tag
def filter_select(field: BoundField) -> SafeString:
    """Render a filter <select> with its label in USWDS markup.

    Built in Python: a template loop over the 56 states and every occupation cost more than
    the search itself.
    """
    current = "" if field.value() is None else str(field.value())
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if str(value) == current else "", label)
            for value, label in getattr(field.field, "choices", ())
        ),
    )
    return format_html(
        '<div class="usa-form-group"><label class="usa-label" for="{id}">{label}</label>'
        '<select class="usa-select" id="{id}" name="{name}">{options}</select></div>',
        id=field.id_for_label,
        label=field.label,
        name=field.html_name,
        options=options,
    )


@register.simple_tag
def filter_checkboxes(field: BoundField, selected: list[str]) -> SafeString:
    """Render a multiple-choice filter as USWDS checkboxes inside a fieldset."""
    boxes = format_html_join(
        "",
        '<div class="usa-checkbox"><input class="usa-checkbox__input" id="{0}-{1}" '
        'type="checkbox" name="{0}" value="{1}"{3}><label class="usa-checkbox__label" '
        'for="{0}-{1}">{2}</label></div>',
        (
            (field.html_name, value, label, " checked" if value in selected else "")
            for value, label in getattr(field.field, "choices", ())
        ),
    )
    return format_html(
        '<fieldset class="usa-fieldset margin-top-2"><legend class="usa-legend">{}</legend>'
        "{}</fieldset>",
        field.label,
        boxes,
    )


@register.simple_tag(takes_context=True)
def tray_action(
    context: Context, slug: str, name: str = "", in_tray: bool = False, oob: bool = False
) -> SafeString:
    """The "Add to compare" form of one result, or the mark that it is in the compare list.

    Built in Python: it is repeated on every result of a search page.
    """
    if in_tray:
        inner = format_html(
            '<p class="margin-0 text-bold">✓ {}</p>', gettext("In your compare list")
        )
    else:
        request = context.get("request")
        csrf = CsrfTokenNode().render(context)  # what {% csrf_token %} writes
        url = context.get("tray_add_url") or reverse("credentials:tray-add")
        inner = format_html(
            '<form method="post" action="{url}" hx-post="{url}" hx-target="#compare-tray" '
            'hx-swap="innerHTML">\n    {csrf}\n'
            '    <input type="hidden" name="slug" value="{slug}">\n'
            '    <input type="hidden" name="next" value="{next}">\n'
            '    <button class="usa-button usa-button--outline" type="submit">{add}'
            '<span class="usa-sr-only">: {name}</span></button>\n  </form>',
            url=url,
            csrf=csrf,
            slug=slug,
            next=context.get("next") or (request.get_full_path() if request else ""),
            add=gettext("Add to compare"),
            name=name,
        )
    return format_html(
        '<div id="tray-action-{}"{}>\n{}\n</div>',
        slug,
        mark_safe(' hx-swap-oob="true"') if oob else "",
        inner,
    )


def _price_range(low: Any, high: Any) -> str:
    if low == high:
        return usd(low)
    return f"{usd(low)}\u2013{usd(high)}"


def _length(row: Any) -> str:
    if row.duration_weeks:
        return gettext("%(weeks)s weeks") % {"weeks": floatformat(row.duration_weeks, "-1")}
    if row.total_hours:
        return gettext("%(hours)s hours of study") % {"hours": row.total_hours}
    return ""


@register.simple_tag(takes_context=True)
def credential_result(context: Context, row: Any) -> SafeString:
    """One credential of the search results: the known facts in a row, the rest on tap.

    Built in Python like program_card: twenty results through the template engine were two
    thirds of the search page's time (bench/results/search_pages_profile.txt).
    """
    has_price = row.total_cost_min_usd is not None
    price = _price_range(row.total_cost_min_usd, row.total_cost_max_usd) if has_price else ""
    length = _length(row)
    certified = format_html('<span class="cert-badge">✓ {}</span>', gettext("Certified"))
    placement = (
        floatformat(row.placement_rate_pct, "-1") if row.placement_rate_pct is not None else None
    )
    key = [
        price,
        length,
        gettext("%(pct)s%% found a job") % {"pct": placement} if placement is not None else "",
        certified if row.certified else "",
    ]
    synthetic = gettext("synthetic (made up for testing)")
    if has_price:
        cost_fact = format_html("{}", price)
        if row.cost_source_date:
            cost_fact += format_html(
                ' <span class="figure-source">({})</span>',
                gettext("price date: %(date)s") % {"date": price_date(row.cost_source_date)},
            )
    else:
        cost_fact = format_html("{}", gettext("Not published"))
    if placement is not None:
        job_fact = format_html(
            '{}% <span class="figure-source">({}, {})</span>{}',
            placement,
            row.outcome_source_name,
            row.outcome_period,
            format_html(' <span class="synthetic-flag">{}</span>', gettext("synthetic"))
            if row.outcome_is_synthetic
            else "",
        )
    else:
        job_fact = format_html("{}", gettext("Not reported"))
    alliance = format_html(
        "{} · {}",
        certified if row.certified else gettext("Not certified"),
        ngettext(
            "%(counter)s employer recognizes it",
            "%(counter)s employers recognize it",
            row.recognition_count,
        )
        % {"counter": row.recognition_count},
    )
    facts = format_html_join(
        "",
        "<div><dt>{}</dt><dd>{}</dd></div>",
        [
            (gettext("Total cost"), cost_fact),
            (gettext("Time to finish"), length or gettext("Not published")),
            (gettext("Found a job"), job_fact),
            (gettext("Alliance"), alliance),
            (gettext("Field"), Category(row.category).label),
        ],
    )
    return format_html(
        '<li class="result">\n'
        '  <h2 class="result__name"><a class="usa-link" href="{url}{slug}/">{name}</a></h2>\n'
        '  <p class="result__by">{provider} · {kind}{synthetic}</p>\n'
        '  <div class="result__row">\n'
        '    <ul class="result__key">{key}</ul>\n'
        "    {tray}\n"
        "  </div>\n"
        '  <details class="result__more">\n'
        '    <summary>{details}<span class="usa-sr-only">: {name}</span></summary>\n'
        '    <dl class="result-facts">{facts}</dl>\n'
        "    {plan}\n"
        "  </details>\n"
        "</li>",
        url=context.get("list_url") or reverse("credentials:list"),
        slug=row.slug,
        name=row.name,
        provider=row.provider_name,
        kind=CredentialType(row.credential_type).label,
        synthetic=format_html(' <span class="synthetic-flag">{}</span>', synthetic)
        if row.is_synthetic
        else "",
        key=format_html_join("", "<li>{}</li>", ((fact,) for fact in key if fact)),
        tray=tray_action(
            context, row.slug, row.name, in_tray=row.slug in (context.get("tray_slugs") or ())
        ),
        details=gettext("Details and sources"),
        facts=facts,
        plan=add_to_plan(context, credential_slug=row.slug, item_name=row.name),
    )


@register.simple_tag(takes_context=True)
def add_to_plan(
    context: Context, *, credential_slug: str = "", occupation_code: str = "", item_name: str = ""
) -> SafeString:
    """The compact "Add to my plan" form of a result (lists and compare columns)."""
    hidden = format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}">',
        [
            (name, value)
            for name, value in (
                ("occupation", occupation_code),
                ("credential", credential_slug),
                ("next", context.get("next")),
            )
            if value
        ],
    )
    return format_html(
        '<form class="usa-form add-to-plan" method="post" action="{url}">{csrf}{hidden}'
        '<button class="usa-button usa-button--outline" type="submit">{label}'
        '<span class="usa-sr-only">: {name}</span></button></form>',
        url=context.get("plan_add_url") or reverse("plans:add"),
        csrf=CsrfTokenNode().render(context),
        hidden=hidden,
        label=gettext("Add to my plan"),
        name=item_name,
    )


@register.filter
def provenance(figures: Any) -> str:
    """'Verified by the task force on <date>' / 'Reported by the provider' for a program or an
    outcome report (credentials.outcome_provenance), or ""."""
    from ..outcome_provenance import program_outcome_provenance, report_outcome_provenance

    if hasattr(figures, "outcomes_verified_on"):
        return program_outcome_provenance(figures)
    return report_outcome_provenance(figures)
