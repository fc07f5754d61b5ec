"""Who is calling the API and how often they may: partner keys, throttles, CORS for reads,
and conditional GET (ETag / Last-Modified) for every read."""

import hashlib
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from .models import PartnerKey, key_hash

HEADER = "HTTP_X_API_KEY"
READ_METHODS = {"GET", "HEAD", "OPTIONS"}


class PartnerKeyAuthentication(BaseAuthentication):
    """`X-API-Key: <key>`: a partner's reads, counted and throttled at the partner rate."""

    def authenticate(self, request: Request) -> tuple[Any, PartnerKey] | None:
        secret = request.META.get(HEADER, "").strip()
        if not secret:
            return None
        key = PartnerKey.objects.active().filter(hashed_key=key_hash(secret)).first()
        if key is None:
            raise AuthenticationFailed(
                "This API key is not valid or was revoked.", code="bad_api_key"
            )
        key.count_use()
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser(), key

    def authenticate_header(self, request: Request) -> str:
        return "X-API-Key"


class PartnerKeySchema(OpenApiAuthenticationExtension):
    target_class = PartnerKeyAuthentication
    name = "partnerKey"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "X-API-Key"}


class AnonymousThrottle(AnonRateThrottle):
    """Callers with neither a session nor a key, by address."""

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if isinstance(request.auth, PartnerKey):
            return None
        return super().get_cache_key(request, view)


class SignedInThrottle(UserRateThrottle):
    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


class PartnerThrottle(SimpleRateThrottle):
    scope = "partner"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not isinstance(request.auth, PartnerKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


def _is_open_read(request: HttpRequest) -> bool:
    return request.method in READ_METHODS and (
        request.path.startswith("/api/v1/") or request.path.endswith(".jsonld")
    )


class OpenReadsMiddleware:
    """CORS for read-only API calls (any origin, no cookies), and ETag / conditional GET."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method == "OPTIONS"
            and _is_open_read(request)
            and ("HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META)
        ):
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        if not _is_open_read(request):
            return response
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = (
            "Accept, Accept-Language, X-API-Key, If-None-Match"
        )
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return response
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        last_modified = getattr(response, "last_modified", None)
        if last_modified is not None and not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(last_modified.timestamp())
        patch = response.headers.get("Vary", "")
        if "Accept" not in patch:
            response["Vary"] = ", ".join(v for v in (patch, "Accept", "Accept-Language") if v)
        conditional = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=last_modified.timestamp() if last_modified else None,
            response=response,
        )
        return conditional if conditional is not None else response
