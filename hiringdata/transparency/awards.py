"""The "most progress" award, computed from the published transparency report (registered with
alliance.reconvening.awards in TransparencyConfig.ready).

A convening presents the report of the year before it. The candidates are those the report's
build found (services.award_candidates): opted-in members whose own kind-of-training table is
published in both years, read from the shares those tables show and nothing withheld.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.models import Convening, Member
from alliance.reconvening.awards import AwardResult, AwardRow, rank

from .models import TransparencyReport


def report_year_presented(convening_year: int) -> int:
    """The year whose report a convening presents: the year before it (the convening of 2026
    presents the report for 2025). The report page shows the awards of that convening."""
    return convening_year - 1


def convening_year_presenting(report_year: int) -> int:
    """The convening that presents a year's report (report_year_presented, the other way)."""
    return report_year + 1


def most_progress(convening: Convening) -> AwardResult:
    year = report_year_presented(convening.year)
    report = TransparencyReport.objects.published().filter(year=year).order_by("-version").first()
    result = AwardResult(
        category="most_progress",
        title=_("Most progress"),
        rule=_(
            "From the published transparency report for %(year)s: the change, in percentage "
            "points since %(before)s, in the share of a member's tech hires who came through "
            "non-degree training. Only members that publish their own kind-of-training table in "
            "both years take part, and only the shares those tables show are used. The largest "
            "rise wins; a member whose share did not rise does not win."
        )
        % {"year": year, "before": year - 1},
        source=_("Transparency report %(year)s") % {"year": year},
        source_url=reverse("transparency:report", args=[year]) if report else "",
        as_of=report.published_at.date() if report and report.published_at else None,
        is_synthetic=bool(report and report.is_synthetic),
    )
    if report is None:
        result.reasoning = _("The report for %(year)s is not published yet.") % {"year": year}
        return result
    candidates = (report.summary.get("awards") or {}).get("candidates") or []
    members = Member.objects.in_bulk([c["member_id"] for c in candidates])
    for c in candidates:
        if c["member_id"] not in members:
            continue
        result.rows.append(
            AwardRow(
                member=members[c["member_id"]],
                figures=[
                    (_("Share in %(year)s") % {"year": year}, f"{c['share']}%"),
                    (_("Share in %(year)s") % {"year": year - 1}, f"{c['previous_share']}%"),
                    (_("Change"), f"{c['change_points']:+} " + _("points")),
                ],
                rank_by=(float(c["change_points"]),),
                headline=f"{c['change_points']:+} " + _("points"),
            )
        )
    result = rank(result, measure=_("rise in the share of hires through non-degree training"))
    if result.winner is not None and result.rows[0].rank_by[0] <= 0:
        result.winner = None
        result.reasoning = _(
            "No winner is computed: no member's share rose. The task force may still choose "
            "one and say why."
        )
    return result
