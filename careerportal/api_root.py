"""GET /api/v1/: the API's front door, listing every resource with its address."""

from importlib import import_module

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

# Each app's API URLs; careerportal/urls.py mounts these under /api/v1/.
API_MODULES = (
    "pathways.api.urls",
    "credentials.api.urls",
    "credentials.plans.api",
    "alliance.api.urls",
    "hiringdata.api.urls",
    "hiringdata.transparency.api.urls",
)


def _list_route_names() -> list[str]:
    names = []
    for module in API_MODULES:
        for pattern in import_module(module).urlpatterns:
            name = getattr(pattern, "name", None) or ""
            if name.endswith("-list"):
                names.append(name)
    return names


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request: Request) -> Response:
    """List every collection of the API, the OpenAPI schema and the docs."""
    root = reverse("api-root")
    # Named by their path under /api/v1/ ("credentials", "alliance/members"), as a client uses them.
    resources = {
        reverse(name).removeprefix(root).strip("/"): reverse(name, request=request)
        for name in _list_route_names()
    }
    return Response(
        {
            "resources": dict(sorted(resources.items())),
            "schema": reverse("schema", request=request),
            "docs": reverse("api-docs", request=request),
        }
    )
