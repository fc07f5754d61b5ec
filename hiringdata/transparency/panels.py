"""What the transparency report adds to the Alliance's member page (registered in apps.ready):
the member's place among the "most progress" award candidates, with the figures and method."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from alliance.models import Member

from .models import TransparencyReport


def member_progress_panel(request: HttpRequest, member: Member) -> str:
    """The newest published report's award standing for this member, or '' when not a candidate.

    Candidates come from the report's summary, computed at build time from the member's own
    published tables only (services.award_candidates); nothing here reads a withheld cell.
    """
    report = TransparencyReport.objects.published().order_by("-year", "-version").first()
    if report is None:
        return ""
    candidates = (report.summary.get("awards") or {}).get("candidates") or []
    for rank, candidate in enumerate(candidates, start=1):
        if candidate.get("member_id") == member.pk:
            return render_to_string(
                "hiringdata/transparency/includes/_member_progress.html",
                {
                    "report": report,
                    "candidate": candidate,
                    "rank": rank,
                    "count": len(candidates),
                    "member": member,
                },
                request=request,
            )
    return ""
