"""What the catalog adds to other apps' pages (registered in CredentialsConfig.ready)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from .selectors import occupation_credentials


def occupation_credentials_panel(request: HttpRequest, occupation: Any) -> str:
    """Render the credentials leading to an occupation, certified first ('' when none)."""
    rows = list(occupation_credentials(soc_code=occupation.soc_code))
    if not rows:
        return ""
    return render_to_string(
        "credentials/includes/_occupation_panel.html",
        {"rows": rows, "occupation": occupation},
        request=request,
    )
