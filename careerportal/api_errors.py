"""The one shape of an error the API writes itself, shared by every app: {"detail", "code"}.

Errors DRF raises (validation, authentication, 404) keep DRF's own shape; this is for the
answers a view returns on purpose, so a client reads every app's refusals the same way.
"""

from rest_framework import serializers
from rest_framework.response import Response


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in the language of the request.")
    code = serializers.CharField(help_text="A stable code a program can act on, e.g. forbidden.")


def error_response(*, code: str, detail: str, status: int) -> Response:
    return Response({"detail": detail, "code": code}, status=status)
