"""Filter pieces every app's FilterSet may use."""

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError


class StrictBooleanField(forms.NullBooleanField):
    """true/false (or empty for "any"); anything else is an error, never silently "any"."""

    widget = forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))])

    # The stubs type NullBooleanField like BooleanField; None ("any") is its point.
    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]
        if value in (None, "", "unknown") or isinstance(value, bool):
            return value if isinstance(value, bool) else None
        text = str(value).strip().lower()
        if text in {"true", "1"}:
            return True
        if text in {"false", "0"}:
            return False
        raise forms.ValidationError(_("Enter true or false."), code="invalid")

    def validate(self, value: Any) -> None:
        return None


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class KnownParametersFilterBackend(DjangoFilterBackend):
    """The shared filter backend, refusing a list request with a parameter it does not know
    (a misspelt filter would otherwise be ignored and return everything)."""

    ALWAYS = frozenset({"page", "page_size", "cursor", "format"})

    def filter_queryset(self, request: Any, queryset: Any, view: Any) -> Any:
        if getattr(view, "action", None) == "list":
            filterset_class = self.get_filterset_class(view, queryset)
            known = set(self.ALWAYS)
            if filterset_class is not None:
                known |= set(filterset_class.base_filters)
                # Range filters take name_min / name_max (django-filter's suffixes).
                known |= {
                    f"{name}_{part}"
                    for name in filterset_class.base_filters
                    for part in ("min", "max", "after", "before")
                }
            unknown = sorted(set(request.query_params) - known)
            if unknown:
                raise ValidationError(
                    {name: [_("Unknown parameter.")] for name in unknown}, code="unknown_parameter"
                )
            if filterset_class is not None:
                refuse_ambiguous_parameters(
                    request.query_params,
                    {
                        # Free text may be empty; multiple-choice filters may repeat.
                        name: (
                            found.field_class is forms.CharField,
                            issubclass(found.field_class, forms.MultipleChoiceField),
                        )
                        for name, found in filterset_class.base_filters.items()
                    },
                )
        return super().filter_queryset(request, queryset, view)


def refuse_ambiguous_parameters(query: Any, parameters: dict[str, tuple[bool, bool]]) -> None:
    """Refuse a query parameter given twice (only the last would count) or given empty where
    empty is not a value (a choice or a number: forms and DRF read it as "any" or as left out,
    the API documents no such value). `parameters`: name -> (may be empty, may repeat)."""
    problems: dict[str, list[Any]] = {}
    for name, (may_be_empty, may_repeat) in parameters.items():
        values = query.getlist(name)
        if len(values) > 1 and not may_repeat:
            problems[name] = [_("Give this parameter once.")]
        elif "" in values and not may_be_empty:
            problems[name] = [_("Give a value, or leave the parameter out.")]
    if problems:
        raise ValidationError(problems, code="ambiguous_parameter")
