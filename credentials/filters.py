"""The one FilterSet behind /credentials/ and /api/v1/credentials/ (DESIGN.md parameters)."""

import functools
import operator
import re
from typing import Any

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from careerportal.public_cache import public_cached
from careerportal.text import folded
from pathways.models import US_STATES, FundingSource, Occupation

from .models import Category, ComparisonIndex, Credential, CredentialType, Delivery
from .pagination import RESULT_COUNT_CAP

# A search with more matches than this ranks only this many of them: its best-documented
# matches (ComparisonIndex.search_prior, then name), read in order through cred_index_prior.
# Ranking costs about 1 ms per 1,000 rows plus reading each row, so "network" (21,000 matches)
# took over 100 ms. Only the first RESULT_COUNT_CAP results are ever shown, so the page keeps
# its 50 pages; the page and the API say the order covers the best-documented 1,000.
RANKED_CANDIDATES = RESULT_COUNT_CAP


LANGUAGE_CHOICES = [("en", _("English")), ("es", _("Spanish"))]

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("cost", _("Total cost, lowest first")),
    ("duration", _("Time, shortest first")),
    ("placement", _("Share employed, highest first")),
    ("salary", _("Salary, highest first")),
    ("name", _("Name, A to Z")),
]


_CONFIGS = {"search_en": "english_unaccent", "search_es": "spanish_unaccent"}
_WORD_RE = re.compile(r"\w+")


def _funding_choices() -> list[tuple[str, str]]:
    return [(f.slug, f.name) for f in FundingSource.objects.only("slug", "name")]


def _occupation_choices() -> list[tuple[str, str]]:
    """The occupations some credential leads to (not all 1,016 O*NET ones: a list of every
    occupation cost more than the search itself, and most would find nothing)."""
    # EXISTS on the link table's occupation index: a probe per occupation (about 1 ms), where
    # "id IN (every credential's occupations)" read all the links (50 ms at 50,000 credentials).
    through: Any = Credential.occupations.through  # typed as type[Never] by the stubs
    links = through.objects.filter(occupation_id=OuterRef("pk"))
    return [
        (o.soc_code, f"{o.soc_code} {o.title}")
        for o in Occupation.objects.filter(Exists(links)).only("soc_code", "title")
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
        # Set by filter_q: (vector column, query, words); ranked later in .qs once every other
        # filter is applied.
        self.text_search: tuple[str, SearchQuery, str] | None = None
        # True when a broad search was ranked over RANKED_CANDIDATES rows only.
        self.ranked_partially = False
        # True when no credential has all the words and results have any of them.
        self.any_word = False
        # Choices from the pathways tables, read once per request (one query each).
        # Two queries on every search and API list otherwise; they change with the catalog.
        self.filters["funding"].extra["choices"] = public_cached(
            "funding-choices", compute=_funding_choices
        )
        self.filters["occupation"].extra["choices"] = public_cached(
            "occupation-choices", compute=_occupation_choices
        )

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
        # Ranked (or swapped for look-alike names) in .qs, once every filter is applied.
        self.text_search = (vector, query, value)
        return queryset.filter(**{vector: query})

    def _count_matches(self, queryset: QuerySet) -> tuple[int, bool]:
        """Return (matches counted up to the cap + 1, whether the words match any row at all).

        No separate "any match?" query first: with LIMIT 1, words that are each common but
        never together ("cloud security") made the planner expect hundreds of rows and read
        the whole table instead of the GIN index (60 ms to find nothing). The capped count
        reads the index either way.
        """
        assert self.text_search is not None
        vector, query, _ = self.text_search
        counted = queryset.order_by().values("pk")[: RESULT_COUNT_CAP + 1].count()
        if counted:
            return counted, True
        others = any(
            value not in (None, "", [], ())
            for name, value in self.form.cleaned_data.items()
            if name not in ("q", "sort")
        )
        # With no other filter, no match here means no match anywhere.
        anywhere = others and bool(
            self.queryset.filter(**{vector: query}).order_by().values("pk")[:1001].count()
        )
        return counted, anywhere

    def _with_other_filters(self, queryset: QuerySet) -> QuerySet:
        for name, value in self.form.cleaned_data.items():
            if name != "q":
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def _any_word_query(self) -> SearchQuery | None:
        """Any of the words (up to 8), for when no credential has all of them; None for one."""
        assert self.text_search is not None
        vector, _, value = self.text_search
        words = [w for w in dict.fromkeys(_WORD_RE.findall(value.lower())) if w != "or"][:8]
        if len(words) < 2:
            return None
        parts = (SearchQuery(w, config=_CONFIGS[vector], search_type="plain") for w in words)
        return functools.reduce(operator.or_, parts)

    def _lookalike_names(self) -> QuerySet:
        """Names that look like the words ("cybersecurty"), with the other filters applied."""
        assert self.text_search is not None
        plain = folded(self.text_search[2])
        return self._with_other_filters(
            self.queryset.filter(name_unaccent__trigram_word_similar=plain).annotate(
                relevance=TrigramWordSimilarity(plain, "name_unaccent")
            )
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

    def _ranked(self, queryset: QuerySet, *, counted: int, by_relevance: bool) -> QuerySet:
        """Annotate relevance; above RANKED_CANDIDATES matches, rank only the best-documented."""
        assert self.text_search is not None
        vector, query, _ = self.text_search
        if counted > RANKED_CANDIDATES and by_relevance:
            # Broad search: walk cred_index_prior (best documented first) until enough rows
            # match, then rank just those: the whole match set is never read, sorted or ranked.
            candidates = queryset.order_by("-search_prior", "name", "pk").values("pk")
            queryset = self.queryset.filter(pk__in=Subquery(candidates[:RANKED_CANDIDATES]))
            self.ranked_partially = True
        return queryset.annotate(relevance=SearchRank(F(vector), query))

    @property
    def qs(self) -> QuerySet:
        # Built once: ranking counts the matches, and the page reads .qs more than once.
        if getattr(self, "_sorted_qs", None) is None:
            self._sorted_qs = self._sorted()
        return self._sorted_qs

    def _sorted(self) -> QuerySet:
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else ""
        has_query = (
            bool((self.form.cleaned_data.get("q") or "").strip()) if self.form.is_valid() else False
        )
        if not sort:
            sort = "relevance" if has_query else "name"
        counted = None
        if self.text_search is not None:
            counted, anywhere = self._count_matches(queryset)
            any_word = None if anywhere else self._any_word_query()
            if any_word is not None:
                # No credential has all the words ("cloud security"): rank those with any.
                vector, _, value = self.text_search
                self.text_search = (vector, any_word, value)
                queryset = self._with_other_filters(self.queryset.filter(**{vector: any_word}))
                counted, anywhere = self._count_matches(queryset)
                self.any_word = anywhere
            if not anywhere:
                # No row in the catalog has any of the words: only then try look-alike names.
                queryset, counted = self._lookalike_names(), None
                self.text_search = None
            else:
                # A cursor walk (API bulk reads) returns every match, not the best-ranked ones.
                walking = "cursor" in (self.data or {})
                queryset = self._ranked(
                    queryset, counted=counted, by_relevance=sort == "relevance" and not walking
                )
        orderings: dict[str, list[Any]] = {
            "cost": [F("total_cost_min_usd").asc(nulls_last=True), "name"],
            "duration": [F("duration_weeks").asc(nulls_last=True), "name"],
            "placement": [F("placement_rate_pct").desc(nulls_last=True), "name"],
            "salary": [F("median_salary_usd").desc(nulls_last=True), "name"],
            "name": ["name"],
            "relevance": ["-relevance", "name"] if has_query else ["-certified", "name"],
        }
        result = queryset.order_by(*orderings[sort], "pk")
        # The paginator reuses this count instead of counting again (and a broad search's
        # queryset holds only its ranked candidates, so a new count would stop at 1,000).
        result.capped_count = counted  # type: ignore[attr-defined]
        return result
