"""Who stands behind published outcome figures, in the one wording every page and API uses.

"Verified by the task force on <date>": the Alliance task force checked the figures against the
provider's evidence (alliance.providers records the review and writes the date here).
"Reported by the provider": the provider's own figures, not checked by anyone. Figures a public
body publishes (a state list, the College Scorecard) carry neither: their source says who.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _


def outcome_provenance(*, verified_on: date | None, self_reported: bool) -> str:
    """The sentence on outcome figures, or "" when their public source speaks for them."""
    if verified_on is not None:
        return _("Verified by the task force on %(date)s") % {
            "date": date_format(verified_on, "DATE_FORMAT")
        }
    if self_reported:
        return _("Reported by the provider")
    return ""


def program_outcome_provenance(program: object) -> str:
    return outcome_provenance(
        verified_on=getattr(program, "outcomes_verified_on", None),
        self_reported=bool(getattr(program, "outcomes_self_reported", False)),
    )


def report_outcome_provenance(report: object) -> str:
    return outcome_provenance(
        verified_on=getattr(report, "verified_on", None),
        self_reported=bool(getattr(report, "self_reported", False)),
    )
