"""Extension points through which upper layers add to the catalog's pages without being imported.

The alliance knows which employers recognize a credential; the credential page shows that
section by rendering whatever the alliance registered here from its AppConfig.ready().
"""

from typing import Any

from django.http import HttpRequest

from careerportal.panels import PanelRegistry

credential_panels = PanelRegistry()
register_credential_panel = credential_panels.register


def credential_panels_render(*, request: HttpRequest, credential: Any) -> list[str]:
    return credential_panels.render(request=request, obj=credential)
