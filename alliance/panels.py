"""What the Alliance adds to lower layers' pages (registered in AllianceConfig.ready)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from careerportal.public_cache import public_cached

from .extensions import standards_with_history
from .selectors import credential_employers, hiring_standards_for_occupation


def hiring_standards_panel(request: HttpRequest, occupation: Any) -> str:
    """The approved hiring standards for this occupation, or '' when there are none."""
    standards = public_cached(
        "hiring-standards",
        occupation.soc_code,
        compute=lambda: standards_with_history(
            list(hiring_standards_for_occupation(occupation=occupation))
        ),
    )
    if not standards:
        return ""
    return render_to_string(
        "alliance/includes/_hiring_standards_panel.html",
        {"standards": standards, "occupation": occupation},
        request=request,
    )


def credential_employers_panel(request: HttpRequest, credential: Any) -> str:
    """The members that recognize a credential, on its catalog page (always shown)."""
    return render_to_string(
        "alliance/includes/_credential_employers.html",
        {"employers": credential_employers(credential=credential), "credential": credential},
        request=request,
    )
