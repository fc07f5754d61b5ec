"""Extension points through which upper layers add to pathways' pages without being imported.

pathways is the lowest layer: it may not import credentials or alliance. Career pages still need
what those layers know (credentials for a step, the Alliance's hiring standards), so those apps
register renderers here from their AppConfig.ready(), and pathways calls whatever is registered.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from careerportal.panels import PanelRegistry

occupation_panels = PanelRegistry()
# Add (or replace) a section on the occupation page: slot "main" (with the pathway) or "save"
# (under "Save or compare").
register_occupation_panel = occupation_panels.register

# Given pathway steps, return {step_id: [credential summaries]} (dicts with at least
# "slug", "name", "url", "certified", "total_cost_usd"), certified ones first.
_step_credentials_resolvers: list[Callable[[Iterable[Any]], dict[int, list[dict[str, Any]]]]] = []


def occupation_panels_render(
    *, request: HttpRequest, occupation: Any, slot: str = "main"
) -> list[str]:
    return occupation_panels.render(request=request, obj=occupation, slot=slot)


def register_step_credentials_resolver(
    resolver: Callable[[Iterable[Any]], dict[int, list[dict[str, Any]]]],
) -> None:
    """Let the catalog say which credentials fit each pathway step."""
    if resolver not in _step_credentials_resolvers:
        _step_credentials_resolvers.append(resolver)


def step_credentials(*, steps: Iterable[Any]) -> dict[int, list[dict[str, Any]]]:
    """Return the credentials that fit each step, from every registered resolver."""
    steps = list(steps)
    merged: dict[int, list[dict[str, Any]]] = {}
    for resolver in _step_credentials_resolvers:
        for step_id, items in resolver(steps).items():
            merged.setdefault(step_id, []).extend(items)
    # Each resolver puts certified ones first; keep that true once several lists are merged.
    for items in merged.values():
        items.sort(key=lambda item: not item.get("certified"))
    return merged


@dataclass(frozen=True)
class ScreenProgram:
    """A program the funding screener can check, as an upper layer (the catalog) describes it."""

    slug: str
    name: str
    url: str
    # The screener's program facts (see selectors.funding_sources_screen).
    program: dict[str, Any]
    # What is shown about those facts: (label, value, where it comes from), already translated.
    facts: list[tuple[str, str, str]]
    total_cost_usd: int | None = None
    cost_date: str = ""


_screen_program_resolvers: list[Callable[[str], ScreenProgram | None]] = []


def register_screen_program_resolver(resolver: Callable[[str], ScreenProgram | None]) -> None:
    """Let the catalog turn ?credential=<slug> on /funding/ into a program to screen."""
    if resolver not in _screen_program_resolvers:
        _screen_program_resolvers.append(resolver)


def screen_program(*, slug: str) -> ScreenProgram | None:
    """Return the first registered resolver's program for a slug, or None when none knows it."""
    for resolver in _screen_program_resolvers:
        found = resolver(slug)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class ListedPrograms:
    """How many loaded programs a state's list names, and where to see them (an upper layer)."""

    state: str
    count: int
    url: str
    source: str


_listed_programs_resolvers: list[Callable[[list[str]], dict[str, ListedPrograms]]] = []


def register_listed_programs_resolver(
    resolver: Callable[[list[str]], dict[str, ListedPrograms]],
) -> None:
    """Let the catalog say how many programs each state's training provider list holds."""
    if resolver not in _listed_programs_resolvers:
        _listed_programs_resolvers.append(resolver)


def listed_programs(*, states: list[str]) -> dict[str, ListedPrograms]:
    """The loaded programs on each state's list, from every registered resolver, in bulk."""
    found: dict[str, ListedPrograms] = {}
    for resolver in _listed_programs_resolvers:
        found.update(resolver(states))
    return found
