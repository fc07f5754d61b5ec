"""Extension points through which other apps add sections to the Alliance's pages.

The member page shows sections registered here from AppConfig.ready(): the reconvening app adds a
member's recommitments and plans; a higher layer (hiringdata) may add figures it computes, which
the alliance cannot import.
"""

from typing import Any

from django.http import HttpRequest

from careerportal.panels import PanelRegistry

member_panels = PanelRegistry()
register_member_panel = member_panels.register


def member_panels_render(*, request: HttpRequest, member: Any) -> list[str]:
    return member_panels.render(request=request, obj=member)
