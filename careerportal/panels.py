"""Sections an upper layer adds to a lower layer's page, without the lower one importing it.

Each extension point (the career page in pathways, the credential page in credentials) keeps one
PanelRegistry; upper apps register renderers from their AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    """A section: render returns HTML, or '' to skip it."""

    key: str
    order: int
    render: Callable[[HttpRequest, Any], str]
    # Where on the page, when the page has more than one place for sections.
    slot: str = "main"


class PanelRegistry:
    def __init__(self) -> None:
        self._panels: dict[str, Panel] = {}

    def register(
        self, *, key: str, order: int, render: Callable[[HttpRequest, Any], str], slot: str = "main"
    ) -> None:
        """Add (or replace) a section."""
        self._panels[key] = Panel(key=key, order=order, render=render, slot=slot)

    def render(self, *, request: HttpRequest, obj: Any, slot: str = "main") -> list[str]:
        """Render the sections of one slot for obj, in order, skipping empty ones."""
        rendered = (
            panel.render(request, obj)
            for panel in sorted(self._panels.values(), key=lambda p: p.order)
            if panel.slot == slot
        )
        return [html for html in rendered if html]
