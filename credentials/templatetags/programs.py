"""Template helpers of the program pages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

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
        return "$" + number_format(Decimal(value).quantize(Decimal(1)), force_grouping=True)
    return number_format(value, force_grouping=True)
