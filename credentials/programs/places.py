"""Programs and places: each program's point from its ZIP (Census ZCTA centroid), and the
CIP-SOC crosswalk's link from programs to occupations (both tables from pathways.publicdata)."""

from django.db.models import OuterRef, Q, QuerySet, Subquery

from pathways.publicdata.models import CipSoc, Zcta
from pathways.publicdata.places import distance_miles, within_miles, zcta_get

from .models import Program

# The tech family: SOC 15-1xxx computer occupations, data scientists, and computer and
# information systems managers (11-3021), which the crosswalk ties to CIP 11 programs.
TECH_SOC_PREFIXES = ("15-1", "15-2051", "11-3021")


def zip_point(zip_code: str) -> tuple[float, float] | None:
    """Return the ZCTA centroid (latitude, longitude) of a 5-digit ZIP, or None."""
    zcta = zcta_get(code=zip_code)
    return (zcta.latitude, zcta.longitude) if zcta else None


def programs_within(queryset: QuerySet, *, point: tuple[float, float], miles: float) -> QuerySet:
    """Programs whose point lies within `miles`, annotated with distance_miles."""
    return within_miles(queryset, latitude=point[0], longitude=point[1], miles=miles)


def programs_by_distance(queryset: QuerySet, *, point: tuple[float, float]) -> QuerySet:
    """Annotate distance_miles (null for programs without a place)."""
    return queryset.annotate(
        distance_miles=distance_miles(
            latitude=point[0], longitude=point[1], lat_field="latitude", lon_field="longitude"
        )
    )


def occupation_cips_condition(soc_code: str) -> Q:
    """Programs whose CIP the crosswalk ties to the SOC code; Scorecard's 4-digit CIPs match
    by their family (one query)."""
    cips = list(CipSoc.objects.filter(soc_code=soc_code).values_list("cip_id", flat=True))
    return Q(cip_code__in=sorted({*cips, *(c[:5] for c in cips)}))


def program_occupation_codes(cip_code: str) -> list[str]:
    """SOC codes the crosswalk ties to a program's CIP (every 6-digit CIP of a 4-digit one)."""
    links = CipSoc.objects.filter(cip_id__startswith=cip_code)
    return sorted(set(links.values_list("soc_code", flat=True)))


def program_places_set(*, source: str | None = None, state: str | None = None) -> int:
    """Set latitude/longitude of programs from their ZIP's ZCTA centroid; return rows updated."""
    centroid = Zcta.objects.filter(code=OuterRef("zip_code"))
    queryset = Program.objects.exclude(zip_code="")
    if source is not None:
        queryset = queryset.filter(source=source)
    if state is not None:
        queryset = queryset.filter(source_state=state)
    return queryset.update(
        latitude=Subquery(centroid.values("latitude")[:1]),
        longitude=Subquery(centroid.values("longitude")[:1]),
    )


def tech_cips() -> tuple[str, ...]:
    """The 4-digit CIP families the crosswalk ties to tech-family SOC codes."""
    condition = Q()
    for prefix in TECH_SOC_PREFIXES:
        condition |= Q(soc_code__startswith=prefix)
    cips = CipSoc.objects.filter(condition).values_list("cip_id", flat=True)
    return tuple(sorted({c[:5] for c in cips}))
