"""What the Alliance adds to pathways' career pages (registered in AllianceConfig.ready)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from .selectors import hiring_standards_for_occupation


def hiring_standards_panel(request: HttpRequest, occupation: Any) -> str:
    """The approved hiring standards for this occupation, or '' when there are none."""
    standards = list(hiring_standards_for_occupation(occupation=occupation))
    if not standards:
        return ""
    return render_to_string(
        "alliance/includes/_hiring_standards_panel.html",
        {"standards": standards, "occupation": occupation},
        request=request,
    )
