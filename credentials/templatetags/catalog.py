"""Template helpers of the catalog pages."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.forms import BoundField
from django.template import Context
from django.template.defaulttags import CsrfTokenNode
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from ..models import PRICE_DATE_NOT_SHOWN, price_date_plain

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


@register.filter
def provenance(figures: Any) -> str:
    """'Verified by the task force on <date>' / 'Reported by the provider' for a program or an
    outcome report (credentials.outcome_provenance), or ""."""
    from ..outcome_provenance import program_outcome_provenance, report_outcome_provenance

    if hasattr(figures, "outcomes_verified_on"):
        return program_outcome_provenance(figures)
    return report_outcome_provenance(figures)
