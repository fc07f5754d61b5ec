"""What the catalog adds to other apps' pages (registered in CredentialsConfig.ready)."""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from careerportal.public_cache import public_cached

from .programs.selectors import ZIP_SESSION_KEY, occupation_programs
from .selectors import occupation_credentials


def occupation_credentials_panel(request: HttpRequest, occupation: Any) -> str:
    """Render the credentials leading to an occupation, certified first ('' when none)."""
    rows = public_cached(
        "occupation-credentials",
        occupation.soc_code,
        compute=lambda: list(occupation_credentials(soc_code=occupation.soc_code)),
    )
    if not rows:
        return ""
    return render_to_string(
        "credentials/includes/_occupation_panel.html",
        {"rows": rows, "occupation": occupation},
        request=request,
    )


def occupation_programs_panel(request: HttpRequest, occupation: Any) -> str:
    """Render the programs whose field leads to an occupation, nearest first once a ZIP is
    known ('' when none)."""
    zip_code = request.session.get(ZIP_SESSION_KEY) if hasattr(request, "session") else None
    # Keyed by the ZIP: the programs near it are the same for anyone who gave it.
    programs, nearest = public_cached(
        "occupation-programs",
        occupation.soc_code,
        zip_code,
        compute=lambda: occupation_programs(soc_code=occupation.soc_code, zip_code=zip_code),
    )
    if not programs:
        return ""
    return render_to_string(
        "credentials/programs/includes/_programs_table.html",
        {
            "programs": programs,
            "nearest": nearest,
            "zip_code": zip_code,
            "heading": _("Training programs for this job"),
            "heading_id": "occupation-programs-heading",
            "more_url": reverse("programs:list") + f"?occupation={occupation.soc_code}",
        },
        request=request,
    )
