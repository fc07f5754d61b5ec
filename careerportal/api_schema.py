"""The OpenAPI schema says what the API really does: who may call an operation, every error
status it can answer (with the shared error body), and the limits its parameters are checked
against. One AutoSchema for every app (settings.REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"])."""

import copy
from typing import Any, Literal

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from drf_spectacular.openapi import AutoSchema
from rest_framework.request import Request

from .api_errors import ErrorSerializer

NO_NULL_CHARACTER = "^[^\\u0000]*$"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
BODY_METHODS = {"POST", "PUT", "PATCH"}
ERRORS = {
    400: "The request's parameters or body are not valid (each problem named).",
    401: "Sign-in or an API key is needed.",
    403: "Signed in, but not allowed to do this.",
    404: "No such record (or no such page of results).",
    406: "The Accept header asks for a format this endpoint does not give.",
    415: "The request body's Content-Type is not one this endpoint reads.",
    429: "Too many requests: wait the number of seconds in Retry-After.",
}


class PortalAutoSchema(AutoSchema):
    def _anonymous_allowed(self) -> bool:
        """Whether the view's permissions let an anonymous caller make this request."""
        django_request = getattr(RequestFactory(), self.method.lower())(self.path)
        django_request.user = AnonymousUser()
        request = Request(django_request)
        request.user = AnonymousUser()
        try:
            return all(p.has_permission(request, self.view) for p in self.view.get_permissions())
        except Exception:  # a permission that needs more than the request: assume sign-in
            return False

    def get_auth(self) -> list[dict[str, Any]]:
        auth = [a for a in super().get_auth() if a != {}]
        return [{}, *auth] if self._anonymous_allowed() else auth

    def _get_response_bodies(
        self, direction: Literal["request", "response"] = "response"
    ) -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        codes = {404, 406, 429}
        if self.method not in SAFE_METHODS or self.get_filter_backends() or self._has_query():
            codes.add(400)
        if self.method in BODY_METHODS:
            codes.add(415)
        if not self._anonymous_allowed():
            codes |= {401, 403}
        elif self.method not in SAFE_METHODS:
            codes.add(403)
        for code in sorted(codes):
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(
                    ErrorSerializer, str(code), direction=direction
                )
                responses[str(code)]["description"] = ERRORS[code]
        return responses

    def _has_query(self) -> bool:
        return any(p.get("in") == "query" for p in self._get_parameters())

    def _get_filter_parameters(self) -> list[dict[str, Any]]:
        """The filter parameters, with the limits the FilterSet's form checks them against."""
        parameters = super()._get_filter_parameters()
        filterset_class = getattr(self.view, "filterset_class", None)
        if filterset_class is None:
            return parameters
        # The filters' own fields (not the FilterSet's form, which may read the database), built
        # on copies: a filter caches its field, and a field cached on the class's filter would
        # be copied into every FilterSet made after it, choices set in __init__ lost.
        filters = filterset_class.base_filters
        for parameter in parameters:
            found = filters.get(parameter["name"])
            field = copy.deepcopy(found).field if found is not None else None
            if field is not None:
                parameter["schema"] = {**parameter["schema"], **field_limits(field)}
        return parameters

    def _get_pagination_parameters(self) -> list[dict[str, Any]]:
        parameters = super()._get_pagination_parameters()
        for parameter in parameters:
            if parameter["name"] == "page":
                parameter["schema"] = {**parameter["schema"], "minimum": 1}
        return parameters


def field_limits(field: forms.Field) -> dict[str, Any]:
    """JSON-schema limits for a form field: what its validation refuses, said up front."""
    limits: dict[str, Any] = {}
    if isinstance(field, forms.CharField | forms.ChoiceField):
        limits["pattern"] = NO_NULL_CHARACTER  # Django's forms refuse NUL in any text
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        # A form's choices are (value, label) pairs by the time it is built.
        choices: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
        values = [str(value) for value, _label in choices if value != ""]
        if values:
            limits["enum"] = values
    if isinstance(field, forms.CharField):
        if field.max_length is not None:
            limits["maxLength"] = field.max_length
        if field.min_length is not None:
            limits["minLength"] = field.min_length
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        if field.min_value is not None:
            limits["minimum"] = field.min_value
        if field.max_value is not None:
            limits["maximum"] = field.max_value
    return limits
