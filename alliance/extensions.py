"""Extension points through which other apps add sections to the Alliance's pages.

The member page shows sections registered here from AppConfig.ready(): the reconvening app adds a
member's recommitments and plans; a higher layer (hiringdata) may add figures it computes, which
the alliance cannot import.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from careerportal.panels import PanelRegistry

member_panels = PanelRegistry()
register_member_panel = member_panels.register


def member_panels_render(*, request: HttpRequest, member: Any) -> list[str]:
    return member_panels.render(request=request, obj=member)


# Figures a higher layer publishes about a convening (the press page shows them with their
# source): each provider takes the convening's year and returns rows of label, value, source
# (a path), as_of (a date) and is_synthetic. The transparency report registers one.
ConveningFigures = Callable[[int], list[dict[str, Any]]]
_convening_figures: dict[str, ConveningFigures] = {}


def register_convening_figures(*, key: str, provide: ConveningFigures) -> None:
    """Add (or replace) a source of published figures for the press page."""
    _convening_figures[key] = provide


def convening_figures(*, year: int) -> list[dict[str, Any]]:
    return [row for key in sorted(_convening_figures) for row in _convening_figures[key](year)]


# What a higher app knows of approved hiring standards' yearly versions (the reconvening keeps
# them): given standards, it sets on each one it has versions of a `history` with the year of the
# newest version, the year before it (or None), whether anything changed since, and the address
# of the readable year-by-year changes. One provider; pages that list standards call it once.
StandardHistory = Callable[[list[Any]], None]
_standard_history: list[StandardHistory] = []


def register_standard_history(*, provide: StandardHistory) -> None:
    _standard_history[:] = [provide]


def standards_with_history(standards: list[Any]) -> list[Any]:
    """The standards, each with its `history` when a provider knows it (else none set)."""
    for provide in _standard_history:
        provide(standards)
    return standards
