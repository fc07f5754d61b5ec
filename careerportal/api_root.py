"""GET /api/v1/: what the API offers, read from the router so it never falls behind."""

from typing import Any

from django.conf import settings
from django.urls import URLPattern, URLResolver, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


def _list_routes(patterns: list[Any], prefix: str = "") -> list[tuple[str, str]]:
    """(resource, route name) for every list endpoint of the router (names ending in -list)."""
    found: list[tuple[str, str]] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _list_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and (pattern.name or "").endswith("-list"):
            route = (prefix + str(pattern.pattern)).lstrip("^").rstrip("$")
            found.append((route.strip("/") or pattern.name or "", pattern.name or ""))
    return sorted(found)


class ApiRoot(APIView):
    """The API's resources, formats, access rules and limits."""

    permission_classes = [AllowAny]
    patterns: list[Any] = []

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
        resources = {
            resource: request.build_absolute_uri(reverse(name))
            for resource, name in _list_routes(self.patterns)
        }
        return Response(
            {
                "name": settings.SPECTACULAR_SETTINGS["TITLE"],
                "version": settings.SPECTACULAR_SETTINGS["VERSION"],
                "resources": resources,
                "schema": request.build_absolute_uri(reverse("schema")),
                "docs": request.build_absolute_uri(reverse("api-docs")),
                "formats": {
                    "json": "default",
                    "ctdl": "Accept: application/ld+json on a credential detail, or "
                    "/credentials/<slug>.jsonld, /providers/<slug>.jsonld, /programs/<id>.jsonld",
                },
                "access": {
                    "reads": "open to anyone; CORS allowed from any origin",
                    "writes": "signed-in members and staff (session or token)",
                    "partner_key": "send X-API-Key: <key> for the partner rate (staff issue keys)",
                },
                "rate_limits": rates,
                "caching": "every read has an ETag; send If-None-Match for a 304",
                "errors": 'every error body has "detail" and "code"',
            }
        )
