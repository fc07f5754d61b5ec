"""The one FilterSet behind /programs/ and /api/v1/programs/."""

import re
from typing import Any

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from ..pagination import RESULT_COUNT_CAP
from . import places
from .models import Program, ProgramSource
from .services import search_text_build
from .spelling import words_correct

WITHIN_CHOICES = [("5", _("5 miles")), ("10", _("10 miles")), ("25", _("25 miles")),
                  ("50", _("50 miles")), ("100", _("100 miles"))]  # fmt: skip
DEFAULT_WITHIN = 25

SCHEDULE_CHOICES = [
    ("evening", _("Evening classes")),
    ("weekend", _("Weekend classes")),
    ("part_time", _("Part-time")),
]
SUPPORT_CHOICES = [
    ("childcare", _("Help with childcare")),
    ("transit", _("Near a bus or train route")),
    ("job_placement", _("Help finding a job")),
]
LANGUAGE_CHOICES = [
    ("es", _("Spanish")), ("ar", _("Arabic")), ("zh", _("Chinese")), ("fr", _("French")),
    ("de", _("German")), ("el", _("Greek")), ("he", _("Hebrew or Yiddish")), ("hi", _("Hindi")),
    ("hu", _("Hungarian")), ("it", _("Italian")), ("ja", _("Japanese")), ("ko", _("Korean")),
    ("pl", _("Polish")), ("pt", _("Portuguese")), ("ru", _("Russian")), ("tl", _("Tagalog")),
    ("vi", _("Vietnamese")), ("other", _("Other languages")),
]  # fmt: skip
YES_NO = [("true", _("Yes")), ("false", _("No"))]
SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("distance", _("Distance, nearest first")),
    ("cost", _("Total cost, lowest first")),
    ("hours", _("Hours, fewest first")),
    ("employment", _("Share employed, highest first")),
    ("earnings", _("Earnings, highest first")),
    ("name", _("Name, A to Z")),
]
_SCHEDULE_FIELDS = {"evening": "evening_courses", "weekend": "weekend_courses",
                    "part_time": "part_time"}  # fmt: skip
_SUPPORT_FIELDS = {"childcare": "childcare", "transit": "transit_access",
                   "job_placement": "job_placement"}  # fmt: skip
_SOC_RE = re.compile(r"^\d{2}-\d{4}$")
_CIP_RE = re.compile(r"^\d{2}(\.\d{2}(\d{2})?)?$")
_WORD_RE = re.compile(r"[a-z]+")


def _count_capped(queryset: QuerySet) -> int:
    """How many rows match, counting no further than RESULT_COUNT_CAP + 1."""
    return queryset.order_by().values("pk")[: RESULT_COUNT_CAP + 1].count()


def _words_corrected(text: str) -> str:
    """The search text with each misspelt word corrected; quotes and "-" stay where they are."""
    corrections = iter(words_correct(_WORD_RE.findall(text)))
    return _WORD_RE.sub(lambda _match: next(corrections), text)


class ProgramFilter(django_filters.FilterSet):
    """Filters over programs; unknown values invalidate the form (message, 400)."""

    q = django_filters.CharFilter(method="filter_q", label=_("Search"), max_length=200)
    zip = django_filters.CharFilter(
        method="filter_place", label=_("Your ZIP code"), max_length=5, min_length=5
    )
    within = django_filters.ChoiceFilter(
        choices=WITHIN_CHOICES, method="filter_none", label=_("Within"), empty_label=None
    )
    max_cost = django_filters.NumberFilter(
        field_name="total_cost_usd", lookup_expr="lte", min_value=0, label=_("Most I can pay (USD)")
    )
    max_hours = django_filters.NumberFilter(
        field_name="clock_hours", lookup_expr="lte", min_value=0, label=_("Most hours of class")
    )
    schedule = django_filters.MultipleChoiceFilter(
        choices=SCHEDULE_CHOICES, method="filter_schedule", label=_("Schedule")
    )
    support = django_filters.MultipleChoiceFilter(
        choices=SUPPORT_CHOICES, method="filter_support", label=_("Support")
    )
    wheelchair = django_filters.ChoiceFilter(
        choices=[("true", _("Yes"))],
        method="filter_wheelchair",
        label=_("Wheelchair access"),
        empty_label=_("Any"),
    )
    language = django_filters.ChoiceFilter(
        choices=LANGUAGE_CHOICES,
        method="filter_language",
        label=_("Also taught in"),
        empty_label=_("Any"),
    )
    online = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_online", label=_("Online"), empty_label=_("Any")
    )
    wioa = django_filters.ChoiceFilter(
        choices=[("true", _("Yes"))],
        method="filter_wioa",
        label=_("WIOA-eligible (on a state's approved list)"),
        empty_label=_("Any"),
    )
    in_demand = django_filters.ChoiceFilter(
        choices=[("true", _("Yes"))],
        method="filter_in_demand",
        label=_("In demand in the state"),
        empty_label=_("Any"),
    )
    outcomes = django_filters.ChoiceFilter(
        choices=[("true", _("Yes"))],
        method="filter_outcomes",
        label=_("Job results published"),
        empty_label=_("Any"),
    )
    min_employment = django_filters.NumberFilter(
        field_name="employment_rate_pct",
        lookup_expr="gte",
        min_value=0,
        max_value=100,
        label=_("Fewest employed (percent)"),
    )
    source = django_filters.ChoiceFilter(
        choices=[c for c in ProgramSource.choices], label=_("Source"), empty_label=_("Any")
    )
    cip = django_filters.CharFilter(method="filter_cip", label=_("Field of study (CIP code)"))
    occupation = django_filters.CharFilter(
        method="filter_occupation", label=_("Leads to the job (SOC code)")
    )
    credential = django_filters.CharFilter(
        method="filter_credential", label=_("Prepares for the credential")
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_none", label=_("Sort by"), empty_label=None
    )

    class Meta:
        model = Program
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text_query: SearchQuery | None = None
        self.text_value = ""
        self.point: tuple[float, float] | None = None
        self.miles = DEFAULT_WITHIN
        # True when no program has the words and results have words that look like them
        # (corrected_text).
        self.lookalike = False
        self.corrected_text = ""
        self.zip_unknown = False

    # --- filters -------------------------------------------------------------------------
    def filter_none(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset  # applied in .qs

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        self.text_value = search_text_build(value)
        self.text_query = SearchQuery(
            self.text_value, config="english_unaccent", search_type="websearch"
        )
        return queryset  # matched in .qs: words first, look-alike names when none match

    def filter_place(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        point = places.zip_point(value)
        if point is None:
            self.zip_unknown = True
            return queryset.none()
        self.point = point
        self.miles = int(self.form.cleaned_data.get("within") or DEFAULT_WITHIN)
        return places.programs_within(queryset, point=point, miles=self.miles)

    def filter_schedule(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.filter(**{_SCHEDULE_FIELDS[v]: True for v in value})

    def filter_support(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.filter(**{_SUPPORT_FIELDS[v]: True for v in value})

    def filter_wheelchair(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(wheelchair_access=True)

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(languages__contains=[value])

    def filter_online(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(online=value == "true")

    def filter_wioa(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(wioa_eligible=True)

    def filter_in_demand(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(in_demand=True)

    def filter_outcomes(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(has_outcomes=True)

    def filter_cip(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(cip_code__startswith=value)  # its form checked it (is_valid)

    def filter_occupation(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(places.occupation_cips_condition(value))

    def filter_credential(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(credentials__slug=value)

    # --- results -------------------------------------------------------------------------
    def is_valid(self) -> bool:
        valid = super().is_valid()
        data = self.form.cleaned_data if valid else {}
        if valid and data.get("zip") and not data["zip"].isdigit():
            self.form.add_error("zip", _("A ZIP code is 5 digits."))
            return False
        # A filter method cannot refuse its value (an error raised there is a server error), so
        # the codes' shapes are checked here, with the form's other answers.
        if valid and data.get("cip") and not _CIP_RE.match(data["cip"].strip()):
            self.form.add_error("cip", _("A CIP code looks like 11, 11.01 or 11.0101."))
            return False
        if valid and data.get("occupation") and not _SOC_RE.match(data["occupation"].strip()):
            self.form.add_error("occupation", _("A SOC code looks like 15-1212."))
            return False
        if valid and data.get("sort") == "distance" and not data.get("zip"):
            self.form.add_error("sort", _("Give a ZIP code to sort by distance."))
            return False
        return valid

    @property
    def qs(self) -> QuerySet:
        if getattr(self, "_sorted_qs", None) is None:
            self._sorted_qs = self._sorted()
        return self._sorted_qs

    def _sorted(self) -> QuerySet:
        queryset = super().qs
        data = self.form.cleaned_data if self.form.is_valid() else {}
        sort = data.get("sort") or ""
        counted = None
        if self.text_query is not None:
            matched = queryset.filter(search_vector=self.text_query)
            counted = _count_capped(matched)
            if not counted:
                # Nothing has the words: the words programs use that look like them
                # ("securty plus" -> "security plus"), matched the same way.
                corrected = _words_corrected(self.text_value)
                if corrected != self.text_value:
                    self.lookalike = True
                    self.corrected_text = corrected
                    self.text_query = SearchQuery(
                        corrected, config="english_unaccent", search_type="websearch"
                    )
                    matched = queryset.filter(search_vector=self.text_query)
                    counted = _count_capped(matched)
            queryset = matched.annotate(relevance=SearchRank(F("search_vector"), self.text_query))
        if not sort:
            sort = (
                "relevance"
                if self.text_query is not None
                else ("distance" if self.point else "name")
            )
        if sort == "relevance" and self.text_query is None:
            sort = "distance" if self.point else "name"
        orderings: dict[str, list[Any]] = {
            "relevance": ["-relevance", "name"],
            "distance": [F("distance_miles").asc(nulls_last=True), "name"],
            "cost": [F("total_cost_usd").asc(nulls_last=True), "name"],
            "hours": [F("clock_hours").asc(nulls_last=True), "name"],
            "employment": [F("employment_rate_pct").desc(nulls_last=True), "name"],
            "earnings": [F("earnings_usd").desc(nulls_last=True), "name"],
            "name": ["name"],
        }
        result = queryset.order_by(*orderings[sort], "id")
        result.capped_count = counted  # type: ignore[attr-defined]
        return result
