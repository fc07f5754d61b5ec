"""Reads of programs: search, one program, programs for a credential or an occupation."""

from collections.abc import Mapping
from typing import Any

from django.db.models import F, Prefetch, QuerySet

from ..models import Provider
from . import places
from .filters import ProgramFilter
from .models import Program

# Columns lists never show.
_HEAVY = ("search_text", "search_vector", "description", "transit_notes", "prerequisites")

_PROVIDERS = Prefetch("provider", queryset=Provider.objects.only("id", "name", "slug"))

# The session key of the ZIP a person gave on /programs/ (used to put near programs first).
ZIP_SESSION_KEY = "program_zip"


def program_rows() -> QuerySet[Program]:
    """Return programs with their provider, without the columns lists never show."""
    return (
        Program.objects.select_related("provider")
        .defer(*_HEAVY)
        .only(
            *(f.name for f in Program._meta.concrete_fields if f.name not in _HEAVY),
            "provider__name",
            "provider__slug",
        )
    )


def program_search_rows() -> QuerySet[Program]:
    """Return program_rows() for a search: providers fetched for the page's rows only.

    Joined, the planner joined every program within the distance to its provider before
    sorting and cutting to a page (6,000 lookups at 240,000 programs); one more query instead.
    """
    return program_rows().select_related(None).prefetch_related(_PROVIDERS)


def program_search(*, params: Mapping[str, Any], request: Any = None) -> ProgramFilter:
    """Return the bound FilterSet over programs; .qs gives the sorted results."""
    return ProgramFilter(params, queryset=program_search_rows(), request=request)


def program_detail(*, program_id: int) -> Program | None:
    """Return one program with its provider and the catalog credentials it prepares for."""
    return (
        Program.objects.select_related("provider")
        .prefetch_related("credentials")
        .filter(pk=program_id)
        .first()
    )


def programs_near(
    queryset: QuerySet[Program], *, zip_code: str | None, limit: int
) -> tuple[list[Program], bool]:
    """Return up to `limit` programs, nearest first when the ZIP is known (and whether so)."""
    point = places.zip_point(zip_code) if zip_code else None
    rows = program_rows().filter(pk__in=queryset.values("pk"))
    if point is not None:
        rows = places.programs_by_distance(rows, point=point).order_by(
            F("distance_miles").asc(nulls_last=True), "name", "id"
        )
        # Programs without a place (online, Scorecard) come after the placed ones.
        return list(rows[:limit]), True
    return list(rows.order_by("-has_outcomes", "total_cost_usd", "name", "id")[:limit]), False


def credential_programs(
    *, credential_id: int, zip_code: str | None = None, limit: int = 10
) -> tuple[list[Program], bool]:
    """Return the programs that prepare for a credential, nearest first once a ZIP is known."""
    return programs_near(
        Program.objects.filter(credentials__pk=credential_id), zip_code=zip_code, limit=limit
    )


def occupation_programs(
    *, soc_code: str, zip_code: str | None = None, limit: int = 10
) -> tuple[list[Program], bool]:
    """Return programs whose field the CIP-SOC crosswalk ties to the occupation."""
    return programs_near(
        Program.objects.filter(places.occupation_cips_condition(soc_code)),
        zip_code=zip_code,
        limit=limit,
    )
