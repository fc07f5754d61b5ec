"""One FilterSet per list, shared by the pages and the API."""

import django_filters
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Func, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from careerportal.filters import StrictBooleanFilter

from .models import (
    EducationLevel,
    EntryEducation,
    FundingKind,
    FundingSource,
    FundingStatus,
    Occupation,
    OccupationField,
    Pathway,
)


class OccupationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search jobs"), max_length=100)
    field = django_filters.ChoiceFilter(
        choices=OccupationField.choices, label=_("Field"), empty_label=_("Any")
    )
    education = django_filters.ChoiceFilter(
        choices=EntryEducation.choices,
        empty_label=_("Any"),
        method="education_at_most",
        label=_("Education needed (this or less)"),
    )
    min_wage = django_filters.NumberFilter(
        field_name="median_annual_wage",
        lookup_expr="gte",
        label=_("Median pay at least ($)"),
        min_value=0,
        max_value=1_000_000,
    )
    min_growth = django_filters.NumberFilter(
        field_name="projected_change_pct",
        lookup_expr="gte",
        label=_("Growth at least (%)"),
        min_value=-100,
        max_value=1000,
    )
    bright_outlook = StrictBooleanFilter(label=_("Bright Outlook only"))
    sort = django_filters.OrderingFilter(
        fields=(
            ("title", "title"),
            ("median_annual_wage", "wage"),
            ("projected_change_pct", "growth"),
            ("annual_openings", "openings"),
        ),
        label=_("Sort by"),
    )

    class Meta:
        model = Occupation
        fields = ["q", "field", "education", "min_wage", "min_growth", "bright_outlook"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name in ("field", "education"):
            self.form.fields[name].widget.attrs["class"] = "usa-select"

    def search(self, queryset: QuerySet[Occupation], name: str, value: str) -> QuerySet[Occupation]:
        """Titles, alternate and reported titles, typos forgiven; best match first."""
        from django.utils.translation import get_language

        from .search import occupation_search

        value = value.strip()
        if not value:
            return queryset
        hits = occupation_search(q=value, language=get_language() or "en", limit=50)
        if not hits:
            # No title matches: look in the code, the descriptions and the skills instead.
            return queryset.filter(
                Q(soc_code__startswith=value)
                | Q(description_en__icontains=value)
                | Q(description_es__icontains=value)
                | Q(skills__name_en__icontains=value)
                | Q(skills__name_es__icontains=value)
            ).distinct()
        ids = [hit.occupation_id for hit in hits]
        # The rank is the id's place in the hits: one array_position(), not a CASE of 50
        # branches that Django compiled for every query of the page (count, rows).
        rank = Func(
            Value(ids, output_field=ArrayField(models.BigIntegerField())),
            F("id"),
            function="array_position",
            output_field=IntegerField(),
        )
        return (
            queryset.filter(Q(id__in=ids) | Q(soc_code__startswith=value))
            .annotate(search_rank=Coalesce(rank, Value(len(ids) + 1)))
            .order_by("search_rank", "soc_code")
        )

    def education_at_most(
        self, queryset: QuerySet[Occupation], name: str, value: str
    ) -> QuerySet[Occupation]:
        return queryset.entry_education_at_most(value) if value else queryset  # type: ignore[attr-defined]


class PathwayFilter(django_filters.FilterSet):
    occupation = django_filters.CharFilter(
        field_name="occupation__soc_code", label=_("SOC code"), max_length=7
    )
    education_level = django_filters.ChoiceFilter(
        choices=EducationLevel.choices, label=_("Starting education")
    )

    class Meta:
        model = Pathway
        fields = ["occupation", "education_level", "is_sample"]
        filter_overrides = {models.BooleanField: {"filter_class": StrictBooleanFilter}}


class FundingSourceFilter(django_filters.FilterSet):
    veteran_required = StrictBooleanFilter(label=_("For veterans only"))
    requires_etpl = StrictBooleanFilter(label=_("Program must be on the state ETPL"))
    kind = django_filters.ChoiceFilter(choices=FundingKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=FundingStatus.choices, label=_("Status"))

    class Meta:
        model = FundingSource
        fields = ["kind", "status", "veteran_required", "requires_etpl"]
