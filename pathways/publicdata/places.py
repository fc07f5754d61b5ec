"""Places: a ZIP's centroid and the distance between points, for "within N miles" searches.

No PostGIS: a bounding box on indexed latitude/longitude narrows the rows, then the haversine
distance is computed in SQL for those rows only.
"""

import math
from typing import TypeVar

from django.db.models import F, FloatField, Model, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import ASin, Cos, Least, Power, Radians, Sin, Sqrt

from .models import Zcta

EARTH_RADIUS_MILES = 3958.8
M = TypeVar("M", bound=Model)


def zcta_get(*, code: str) -> Zcta | None:
    """The centroid of a 5-digit ZIP (ZCTA), or None."""
    code = (code or "").strip()[:5]
    return Zcta.objects.filter(code=code).first() if len(code) == 5 and code.isdigit() else None


def bounding_box(*, latitude: float, longitude: float, miles: float) -> tuple[float, ...]:
    """(min_lat, max_lat, min_lon, max_lon) holding every point within `miles`."""
    dlat = math.degrees(miles / EARTH_RADIUS_MILES)
    # Near the poles a degree of longitude shrinks to nothing: take every longitude there.
    cos_lat = math.cos(math.radians(min(abs(latitude) + dlat, 89.9)))
    dlon = min(180.0, math.degrees(miles / (EARTH_RADIUS_MILES * cos_lat)))
    return latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon


def distance_miles(
    *, latitude: float, longitude: float, lat_field: str, lon_field: str
) -> Combinable:
    """Haversine great-circle distance in miles from a point to a row's lat/lon, as SQL."""
    lat1, lon1 = Radians(Value(latitude)), Radians(Value(longitude))
    lat2, lon2 = Radians(F(lat_field)), Radians(F(lon_field))
    half = Power(Sin((lat2 - lat1) / 2), 2) + Cos(lat1) * Cos(lat2) * Power(
        Sin((lon2 - lon1) / 2), 2
    )
    # Least() keeps rounding from taking asin() outside its domain.
    return Value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(Least(half, Value(1.0))))


def within_miles(
    queryset: QuerySet[M],
    *,
    latitude: float,
    longitude: float,
    miles: float,
    lat_field: str = "latitude",
    lon_field: str = "longitude",
) -> QuerySet[M]:
    """Rows within `miles` of the point, annotated with distance_miles (box first, then exact)."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(
        latitude=latitude, longitude=longitude, miles=miles
    )
    box = {f"{lat_field}__range": (min_lat, max_lat)}
    if max_lon - min_lon < 360:
        box[f"{lon_field}__range"] = (min_lon, max_lon)
    distance = distance_miles(
        latitude=latitude, longitude=longitude, lat_field=lat_field, lon_field=lon_field
    )
    annotated = queryset.filter(**box).annotate(distance_miles=distance)
    return annotated.filter(  # type: ignore[return-value]
        distance_miles__lte=Value(miles, output_field=FloatField())
    )
