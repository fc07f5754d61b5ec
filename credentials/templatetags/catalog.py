"""Template helpers of the catalog pages."""

from django import template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from ..models import PRICE_DATE_NOT_SHOWN, price_date_plain

register = template.Library()


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
