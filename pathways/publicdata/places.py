"""Places: a ZIP's centroid and the distance between points, for "within N miles" searches.

No PostGIS: a bounding box on indexed latitude/longitude narrows the rows, then the haversine
distance is computed in SQL for those rows only.
"""

import math
from typing import Any, TypeVar

from django.db.models import F, FloatField, Func, Model, QuerySet, Value

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


class HaversineMiles(Func):
    """Great-circle distance in miles from a fixed point to a row's latitude and longitude.

    One SQL template instead of a tree of Radians/Sin/Cos/Power expressions: Django compiled
    that tree (twice a query, in the filter and the column) for 4 ms of every search.
    """

    output_field = FloatField()
    # least() keeps rounding from taking asin() outside its domain.
    template = (
        "(%(diameter)s * asin(sqrt(least("
        "power(sin((radians(%(lat)s) - radians(%(point_lat)s)) / 2), 2)"
        " + cos(radians(%(point_lat)s)) * cos(radians(%(lat)s))"
        " * power(sin((radians(%(lon)s) - radians(%(point_lon)s)) / 2), 2), 1.0))))"
    )

    def __init__(self, lat_field: str, lon_field: str, *, latitude: float, longitude: float):
        super().__init__(F(lat_field), F(lon_field))
        self.point = (float(latitude), float(longitude))

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:  # type: ignore[override]
        lat_sql, lat_params = compiler.compile(self.source_expressions[0])
        lon_sql, lon_params = compiler.compile(self.source_expressions[1])
        if lat_params or lon_params:
            raise ValueError("latitude and longitude must be plain columns")
        sql = self.template % {
            "diameter": "%s",
            "lat": lat_sql,
            "lon": lon_sql,
            "point_lat": "%s",
            "point_lon": "%s",
        }
        latitude, longitude = self.point
        # In the template's order: diameter, the point's latitude twice, its longitude.
        return sql, [2 * EARTH_RADIUS_MILES, latitude, latitude, longitude]


def distance_miles(
    *, latitude: float, longitude: float, lat_field: str, lon_field: str
) -> HaversineMiles:
    """Haversine great-circle distance in miles from a point to a row's lat/lon, as SQL."""
    return HaversineMiles(lat_field, lon_field, latitude=latitude, longitude=longitude)


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
