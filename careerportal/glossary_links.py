"""Link each page's first use of a glossary word to its definition (pathways.glossary).

Applied to whole HTML pages only: API answers, embeds, the admin, htmx fragments and the
glossary itself are left as they are.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import get_language_from_path

from pathways.glossary import glossary_terms, link_first_uses

SKIPPED_PREFIXES = ("/api/", "/admin/", "/embed/", "/static/")


def _unprefixed(path: str) -> str:
    """The path without its language prefix ("/es/embed/..." -> "/embed/...")."""
    language = get_language_from_path(path)
    return path[len(language) + 1 :] if language else path


class GlossaryLinksMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code != 200
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or _unprefixed(request.path_info).startswith(SKIPPED_PREFIXES)
            or request.headers.get("HX-Request")
        ):
            return response
        glossary_url = reverse("pathways:glossary")
        if request.path == glossary_url:
            return response
        charset = response.charset or "utf-8"
        page = response.content.decode(charset)
        linked = link_first_uses(page, terms=glossary_terms(), glossary_url=glossary_url)
        if linked is not page:
            response.content = linked.encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
