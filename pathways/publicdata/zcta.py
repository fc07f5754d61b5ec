"""Census ZIP Code Tabulation Area centroids (Gazetteer-derived CSV)."""

from pathlib import Path

from .importing import (
    LoadResult,
    Problems,
    Source,
    copy_rows,
    delimited_rows,
    header_check,
    published_name,
    staging_create,
    staging_merge,
)

SOURCE = Source(
    key="zcta",
    title="ZIP Code Tabulation Areas: internal points",
    publisher="U.S. Census Bureau (Gazetteer files)",
    licence="Public domain (U.S. government work)",
    credit=(
        "U.S. Census Bureau, 2023 Gazetteer Files; population from the 2022 ACS 5-year estimates"
    ),
    home_url=(
        "https://www.census.gov/geographies/reference-files/time-series/geo/"
        "gazetteer-files.2023.html"
    ),
)
VINTAGE = "2023 Gazetteer"
COLUMNS = ["ZCTA5", "Primary County", "Population", "Land Area", "Latitude", "Longitude"]
TARGET_COLUMNS = ["code", "latitude", "longitude", "county_fips", "population", "land_area_sq_mi"]


def _number(text: str, *, kind: type) -> float | int | None:
    text = text.strip()
    if text == "":
        return None
    value = kind(text)
    return value


def zcta_import(path: Path) -> LoadResult:
    """Check every ZCTA row, then replace the centroid table with the file."""
    name = published_name(path)
    problems = Problems(file=name)
    rows: dict[str, tuple[object, ...]] = {}
    read = 0
    at: dict[str, int] = {}
    width = 0
    for row, cells in delimited_rows(path, delimiter=",", file=name):
        if row == 1:
            at = header_check(cells, COLUMNS, file=name, exact=True)
            width = len(cells)
            continue
        if not any(c.strip() for c in cells):
            continue
        read += 1
        if len(cells) < width:
            problems.add(row, "", ",".join(cells)[:40], "row ends early (is the file cut short?)")
            continue
        code = cells[at["ZCTA5"]].strip()
        if not (len(code) == 5 and code.isdigit()):
            problems.add(
                row,
                "ZCTA5",
                code,
                "not a 5-digit ZCTA (a spreadsheet may have dropped leading zeros)",
            )
        values: dict[str, object] = {}
        for column, kind, low, high in (
            ("Latitude", float, -90, 90),
            ("Longitude", float, -180, 180),
            ("Population", int, 0, None),
            ("Land Area", float, 0, None),
        ):
            raw = cells[at[column]]
            try:
                number = _number(raw, kind=kind)
            except ValueError:
                problems.add(row, column, raw, "not a number")
                continue
            if number is not None and (number < low or (high is not None and number > high)):
                problems.add(row, column, raw, "out of range")
            if number is None and column in ("Latitude", "Longitude"):
                problems.add(row, column, raw, "required")
            values[column] = number
        if code in rows:
            problems.add(row, "ZCTA5", code, "appears twice in the file")
        rows[code] = (
            code,
            values.get("Latitude"),
            values.get("Longitude"),
            cells[at["Primary County"]].strip()[:5],
            values.get("Population"),
            values.get("Land Area"),
        )
    if read == 0:
        problems.add(2, "ZCTA5", "", "the file has no rows")
    problems.raise_if_any(rows_read=read)
    staging_create(target="pathways_zcta", columns=TARGET_COLUMNS, name="stage_zcta")
    copy_rows(table="stage_zcta", columns=TARGET_COLUMNS, rows=rows.values())
    added, changed, removed = staging_merge(
        staging="stage_zcta", target="pathways_zcta", key=["code"], columns=TARGET_COLUMNS
    )
    return LoadResult(
        vintage=VINTAGE,
        rows_read=read,
        rows_added=added,
        rows_changed=changed,
        rows_removed=removed,
    )
