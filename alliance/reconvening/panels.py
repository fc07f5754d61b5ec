"""What the reconvening adds to the Alliance's member page (registered in ReconveningConfig)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from . import selectors


def member_reconvening_panel(request: HttpRequest, member: Any) -> str:
    """The member's recommitments, plans for access and standard changes by year ('' if none)."""
    context = {
        "member": member,
        "recommitments": list(selectors.recommitments(member=member)),
        "plans": list(selectors.access_plans(member=member)),
        "standard_years": selectors.standard_years(member=member),
    }
    if not any(context[k] for k in ("recommitments", "plans", "standard_years")):
        return ""
    return render_to_string(
        "alliance/reconvening/includes/_member_panel.html", context, request=request
    )
