"""The database is down or a query ran past its statement timeout: a clear 503, not a 500.

A public query cancelled by `statement_timeout` (DATABASE_STATEMENT_TIMEOUT_MS) or a database
that cannot be reached (restarting, failing over) is not a bug in the page: the person gets a
short page (or the API's error shape) saying to try again, with Retry-After, and the web worker
is free at once for the next request.
"""

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled (timeout included)
RETRY_AFTER_SECONDS = 30


def _is_timeout(error: OperationalError) -> bool:
    return getattr(error.__cause__, "pgcode", None) == QUERY_CANCELED


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError):
            return None
        timeout = _is_timeout(exception)
        logger.warning(
            "%s on %s: %s", "Query timeout" if timeout else "Database unavailable", request.path,
            exception,
        )  # fmt: skip
        if timeout:
            code = "query_timeout"
            detail = _(
                "This request took too long to answer and was stopped. Try a narrower search,"
                " or try again in a minute."
            )
        else:
            code = "database_unavailable"
            detail = _("The site cannot reach its database just now. Try again in a minute.")
        if _wants_json(request):
            response: HttpResponse = JsonResponse({"detail": detail, "code": code}, status=503)
        else:
            # No request context: the session and the signed-in user need the database too.
            html = render_to_string("503.html", {"detail": detail})
            response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
