"""Filters of the reconvening's public lists (the API's query parameters)."""

import django_filters

from .models import (
    AccessPlan,
    Need,
    Recommitment,
    Spotlight,
    SpotlightKind,
    StandardVersion,
)


class ConveningYearMemberFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="convening__year", min_value=1900)
    member = django_filters.CharFilter(field_name="member__slug", max_length=120)


class RecommitmentFilter(ConveningYearMemberFilter):
    class Meta:
        model = Recommitment
        fields = ["year", "member"]


class AccessPlanFilter(ConveningYearMemberFilter):
    class Meta:
        model = AccessPlan
        fields = ["year", "member"]


class StandardVersionFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(min_value=1900)
    member = django_filters.CharFilter(field_name="member__slug", max_length=120)
    occupation = django_filters.CharFilter(field_name="occupation__soc_code", max_length=10)

    class Meta:
        model = StandardVersion
        fields = ["year", "member", "occupation"]


class NeedFilter(django_filters.FilterSet):
    member = django_filters.CharFilter(field_name="member__slug", max_length=120)
    occupation = django_filters.CharFilter(field_name="occupation__soc_code", max_length=10)

    class Meta:
        model = Need
        fields = ["member", "occupation"]


class SpotlightFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="convening__year", min_value=1900)
    kind = django_filters.ChoiceFilter(choices=SpotlightKind.choices)

    class Meta:
        model = Spotlight
        fields = ["year", "kind"]
