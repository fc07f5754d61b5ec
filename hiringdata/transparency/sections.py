"""The Alliance's commitment board and awards, as sections of the transparency report page."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from alliance import selectors as alliance_selectors
from alliance.models import Award

from .awards import convening_year_presenting
from .models import TransparencyReport


def commitments(request: HttpRequest, report: TransparencyReport) -> str:
    """Render every public commitment with its status against the deadline, as of today."""
    today = timezone.localdate()
    board = list(alliance_selectors.commitment_board(today=today))
    if not board:
        return ""
    return render_to_string(
        "hiringdata/transparency/includes/_commitments.html",
        {
            "commitments": board,
            "counts": alliance_selectors.commitment_board_counts(today=today),
            "today": today,
            "report": report,
        },
        request=request,
    )


def awards(request: HttpRequest, report: TransparencyReport) -> str:
    """Render the awards given at the convening that presented this report (whose "most
    progress" award is computed from it), with the method behind each."""
    convening_year = convening_year_presenting(report.year)
    given = list(
        Award.objects.filter(convening__year=convening_year).select_related("member", "convening")
    )
    if not given:
        return ""
    return render_to_string(
        "hiringdata/transparency/includes/_awards.html",
        {"awards": given, "report": report, "convening_year": convening_year},
        request=request,
    )


def report_sections_render(*, request: HttpRequest, report: TransparencyReport) -> dict[str, str]:
    """Render the sections that have something to show, in page order."""
    rendered = {"commitments": commitments(request, report), "awards": awards(request, report)}
    return {key: html for key, html in rendered.items() if html}
