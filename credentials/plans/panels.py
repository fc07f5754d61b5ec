"""What plans add to other apps' pages (registered in CredentialsConfig.ready)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string


def occupation_plan_panel(request: HttpRequest, occupation: Any) -> str:
    """The "Add to my plan" form on a career page."""
    return render_to_string(
        "credentials/plans/includes/_add_to_plan.html",
        {"occupation_code": occupation.soc_code},
        request=request,
    )
