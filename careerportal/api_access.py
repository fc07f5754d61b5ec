"""Who is calling the API and how often they may: partner keys, throttles, CORS for reads,
and conditional GET (ETag / Last-Modified) for every read."""

import hashlib
import logging
import time
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from .models import PartnerKey, key_hash

HEADER = "HTTP_X_API_KEY"
READ_METHODS = {"GET", "HEAD", "OPTIONS"}

logger = logging.getLogger(__name__)


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


class ThrottleCounts(BaseCache):
    """The throttles' request times: in the default cache (Redis), or in this process's memory
    for a request that cannot reach it.

    Without this, an outage would lift every limit: django-redis ignores its errors
    (IGNORE_EXCEPTIONS) and reads "nothing counted yet", just when the database is carrying the
    load the cache normally takes. In memory the limits apply per worker process (each counts
    its own requests, so a caller may get the rate once per process); once Redis answers again
    the counts there are no longer read and expire.
    """

    WARN_EVERY_SECONDS = 60.0

    def __init__(self) -> None:
        super().__init__({})
        # Bounded: past MAX_ENTRIES callers LocMemCache culls a third of the counts.
        self.memory = LocMemCache("api-throttle-counts", {"MAX_ENTRIES": 10_000})
        self.warned_at: float | None = None
        # After a failure Redis is not tried again for a few seconds: a Redis that hangs rather
        # than refuses would otherwise cost each throttled request its socket timeouts.
        self.failed_at: float | None = None

    RETRY_AFTER_SECONDS = 5.0

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        if self._resting():
            return self.memory.get(key, default, version=version)
        try:
            return _raising(caches["default"]).get(key, default, version=version)
        except ConnectionInterrupted as error:
            self._failed(error)
            return self.memory.get(key, default, version=version)

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        if self._resting():
            self.memory.set(key, value, timeout, version=version)
            return
        try:
            _raising(caches["default"]).set(key, value, timeout, version=version)
        except ConnectionInterrupted as error:
            self._failed(error)
            self.memory.set(key, value, timeout, version=version)

    def _resting(self) -> bool:
        return (
            self.failed_at is not None
            and time.monotonic() - self.failed_at < self.RETRY_AFTER_SECONDS
        )

    def _failed(self, error: ConnectionInterrupted) -> None:
        now = time.monotonic()
        self.failed_at = now
        # Once a minute per process, not once per request: an outage would flood the log.
        if self.warned_at is None or now - self.warned_at >= self.WARN_EVERY_SECONDS:
            self.warned_at = now
            logger.warning(
                "API throttles count in this process's memory (limits per worker process): "
                "the cache cannot be reached (%r)",
                error.__cause__ or error,
            )


def _raising(cache: BaseCache) -> Any:
    """The cache itself, or for django-redis its client, which raises what the cache ignores
    (same keys, same values)."""
    return cache.client if isinstance(cache, RedisCache) else cache


throttle_counts = ThrottleCounts()


class AnonymousThrottle(AnonRateThrottle):
    """Callers with neither a session nor a key, by address."""

    cache = throttle_counts

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if isinstance(request.auth, PartnerKey):
            return None
        return super().get_cache_key(request, view)


class SignedInThrottle(UserRateThrottle):
    cache = throttle_counts

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


class PartnerThrottle(SimpleRateThrottle):
    scope = "partner"
    cache = throttle_counts

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
