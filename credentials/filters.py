"""The one FilterSet behind /credentials/ and /api/v1/credentials/ (DESIGN.md parameters)."""

import unicodedata
from typing import Any

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db.models import F, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pathways.models import FundingSource, Occupation

from .models import Category, ComparisonIndex, CredentialType, Delivery

US_STATES = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX",
    "UT", "VT", "VA", "WA", "WV", "WI", "WY", "GU", "VI", "AS", "MP",
]  # fmt: skip

LANGUAGE_CHOICES = [("en", _("English")), ("es", _("Spanish"))]

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("cost", _("Total cost, lowest first")),
    ("duration", _("Time, shortest first")),
    ("placement", _("Share employed, highest first")),
    ("salary", _("Salary, highest first")),
    ("name", _("Name, A to Z")),
]


def _unaccent(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _funding_choices() -> list[tuple[str, str]]:
    return [(f.slug, f.name) for f in FundingSource.objects.only("slug", "name")]


def _occupation_choices() -> list[tuple[str, str]]:
    return [
        (o.soc_code, f"{o.soc_code} {o.title}")
        for o in Occupation.objects.only("soc_code", "title")
    ]


class CredentialFilter(django_filters.FilterSet):
    """Filters over the comparison index; unknown values invalidate the form (message, 400)."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"), max_length=200)
    # One row per credential: no DISTINCT needed (it cost more than the search itself).
    category = django_filters.MultipleChoiceFilter(
        choices=Category.choices, label=_("Field"), distinct=False
    )
    credential_type = django_filters.ChoiceFilter(
        choices=CredentialType.choices, label=_("Kind of credential"), empty_label=_("Any")
    )
    delivery = django_filters.ChoiceFilter(
        choices=Delivery.choices,
        method="filter_delivery",
        label=_("How it is taught"),
        empty_label=_("Any"),
    )
    max_cost = django_filters.NumberFilter(
        field_name="total_cost_min_usd",
        lookup_expr="lte",
        min_value=0,
        label=_("Most I can pay (USD)"),
    )
    max_weeks = django_filters.NumberFilter(
        field_name="duration_weeks", lookup_expr="lte", min_value=0, label=_("Most weeks")
    )
    # A strict yes/no: a BooleanFilter would silently ignore "certified=maybe".
    certified = django_filters.ChoiceFilter(
        choices=[("true", _("Yes")), ("false", _("No"))],
        method="filter_certified",
        label=_("Certified by the Alliance"),
        empty_label=_("Any"),
    )
    funding = django_filters.ChoiceFilter(
        method="filter_funding",
        label=_("Can be paid by"),
        empty_label=_("Any"),
    )
    occupation = django_filters.ChoiceFilter(
        method="filter_occupation",
        label=_("Leads to the job"),
        empty_label=_("Any"),
    )
    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES,
        method="filter_language",
        label=_("Taught in"),
        empty_label=_("Any"),
    )
    state = django_filters.ChoiceFilter(
        choices=[(s, s) for s in US_STATES],
        method="filter_state",
        label=_("State"),
        empty_label=_("Any"),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_sort", label=_("Sort by"), empty_label=None
    )

    class Meta:
        model = ComparisonIndex
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choices from the pathways tables, read once per request (one query each).
        self.filters["funding"].extra["choices"] = _funding_choices()
        self.filters["occupation"].extra["choices"] = _occupation_choices()

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        # Match and rank with the page language's vector (each holds names, both languages'
        # category words and occupation titles); one vector keeps matching an index lookup.
        spanish = (get_language() or "en").startswith("es")
        config, vector = (
            ("spanish_unaccent", "search_es") if spanish else ("english_unaccent", "search_en")
        )
        query = SearchQuery(value, config=config, search_type="websearch")
        matches = queryset.filter(**{vector: query})
        if matches.exists():
            return matches.annotate(relevance=SearchRank(F(vector), query))
        # Nothing matched word for word: try names that look alike ("cybersecurty").
        plain = _unaccent(value)
        return queryset.filter(name_unaccent__trigram_word_similar=plain).annotate(
            relevance=TrigramWordSimilarity(plain, "name_unaccent")
        )

    def filter_certified(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(certified=value == "true")

    def filter_delivery(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(delivery__contains=[value])

    def filter_funding(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(funding_slugs__contains=[value])

    def filter_occupation(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(occupation_codes__contains=[value])

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(languages__contains=[value])

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A provider with no listed states serves everywhere (online or national programs).
        return queryset.filter(Q(states__contains=[value]) | Q(states=[]))

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # applied in .qs so it also works when sort is absent

    @property
    def qs(self) -> QuerySet:
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else ""
        has_query = (
            bool((self.form.cleaned_data.get("q") or "").strip()) if self.form.is_valid() else False
        )
        if not sort:
            sort = "relevance" if has_query else "name"
        orderings: dict[str, list[Any]] = {
            "cost": [F("total_cost_min_usd").asc(nulls_last=True), "name"],
            "duration": [F("duration_weeks").asc(nulls_last=True), "name"],
            "placement": [F("placement_rate_pct").desc(nulls_last=True), "name"],
            "salary": [F("median_salary_usd").desc(nulls_last=True), "name"],
            "name": ["name"],
            "relevance": ["-relevance", "name"] if has_query else ["-certified", "name"],
        }
        return queryset.order_by(*orderings[sort], "pk")
