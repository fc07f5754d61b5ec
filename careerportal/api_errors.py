"""The one shape of an error, shared by every app: {"detail", "code"}.

A view's own refusals use error_response; errors DRF raises (validation, authentication,
permission, 404, throttling) get the same two keys from api_exception_handler, with a validation
error's per-field messages kept beside them.
"""

from typing import Any

from django.http import HttpRequest, JsonResponse
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in the language of the request.")
    code = serializers.CharField(help_text="A stable code a program can act on, e.g. forbidden.")


def error_response(*, code: str, detail: str, status: int) -> Response:
    return Response({"detail": detail, "code": code}, status=status)


def _first_code(codes: Any) -> str:
    if isinstance(codes, str):
        return codes
    if isinstance(codes, dict):
        return next((_first_code(c) for c in codes.values()), "invalid")
    if isinstance(codes, list) and codes:
        return _first_code(codes[0])
    return "invalid"


def _messages(data: Any, prefix: str = "") -> list[str]:
    if isinstance(data, dict):
        return [m for key, value in data.items() for m in _messages(value, f"{key}: ")]
    if isinstance(data, list):
        return [m for item in data for m in _messages(item, prefix)]
    return [f"{prefix}{data}"]


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's answer, with "detail" and "code" always present (field messages kept as they are)."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    codes = exc.get_codes() if hasattr(exc, "get_codes") else "error"
    data = response.data
    if isinstance(data, list):
        data = {"detail": "; ".join(_messages(data)), "code": _first_code(codes)}
    elif isinstance(data, dict):
        data = dict(data)
        if "code" not in data or not isinstance(data["code"], str):
            data["code"] = _first_code(
                codes.get("detail", codes) if isinstance(codes, dict) else codes
            )
        if "detail" not in data:
            data["detail"] = "; ".join(_messages({k: v for k, v in data.items() if k != "code"}))
    response.data = data
    return response


def api_not_found(request: HttpRequest) -> JsonResponse:
    """A 404 under /api/ that no view answered (an unroutable path): JSON, not the HTML page."""
    return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
