"""NCES/BLS CIP 2020 <-> SOC 2018 crosswalk (CSV): the CIP table and the pairs."""

import re
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
    key="cip_soc_crosswalk",
    title="CIP 2020 to SOC 2018 crosswalk",
    publisher="National Center for Education Statistics and U.S. Bureau of Labor Statistics",
    licence="Public domain (U.S. government work)",
    credit="CIP 2020 to SOC 2018 Crosswalk, NCES and BLS",
    home_url="https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56",
)
VINTAGE = "CIP 2020 / SOC 2018"
COLUMNS = ["SOC2018Code", "SOC2018Title", "CIP2020Code", "CIP2020Title"]
SOC_RE = re.compile(r"^\d{2}-\d{4}$")
CIP_RE = re.compile(r"^\d{2}\.\d{4}$")


def soc_problem(value: str) -> str:
    """Why a value is not a SOC 2018 detailed code ('' when it is one)."""
    if SOC_RE.match(value):
        return ""
    if re.match(r"^[A-Za-z]{3}-\d{2}$|^\d{1,2}-[A-Za-z]{3}$|^\d{4}-\d{2}-\d{2}", value):
        return "looks like a date a spreadsheet made of a SOC code; use the publisher's file"
    return "not a SOC 2018 code like 15-1212"


def cip_problem(value: str) -> str:
    """Why a value is not a CIP 2020 six-digit code ('' when it is one)."""
    if CIP_RE.match(value):
        return ""
    if re.match(r"^\d{1,2}\.\d{1,3}$", value):
        return "leading or trailing zeros lost (a spreadsheet read it as a number); want 11.0101"
    return "not a CIP 2020 code like 11.0101"


def crosswalk_import(path: Path) -> LoadResult:
    """Check the whole file, then replace the CIP table and the crosswalk pairs with it."""
    name = published_name(path)
    problems = Problems(file=name)
    cips: dict[str, tuple[str, int]] = {}
    pairs: dict[tuple[str, str], str] = {}
    read = 0
    at: dict[str, int] = {}
    for row, cells in delimited_rows(path, delimiter=",", file=name):
        if row == 1:
            at = header_check(cells, COLUMNS, file=name)
            continue
        if not any(c.strip() for c in cells):
            continue
        read += 1
        if len(cells) < len(COLUMNS):
            problems.add(row, COLUMNS[len(cells)], "", "row ends early (is the file cut short?)")
            continue
        soc, soc_title = cells[at["SOC2018Code"]].strip(), cells[at["SOC2018Title"]].strip()
        cip, cip_title = cells[at["CIP2020Code"]].strip(), cells[at["CIP2020Title"]].strip()
        if message := soc_problem(soc):
            problems.add(row, "SOC2018Code", soc, message)
        if message := cip_problem(cip):
            problems.add(row, "CIP2020Code", cip, message)
        if not cip_title:
            problems.add(row, "CIP2020Title", "", "required")
        if (cip, soc) in pairs:
            problems.add(row, "CIP2020Code", f"{soc} {cip}", "this SOC-CIP pair appears twice")
        if cip in cips and cips[cip][0] != cip_title:
            problems.add(
                row, "CIP2020Title", cip_title, f"differs from row {cips[cip][1]} for CIP {cip}"
            )
        cips.setdefault(cip, (cip_title, row))
        pairs[(cip, soc)] = soc_title
    if read == 0:
        problems.add(2, COLUMNS[0], "", "the file has no rows")
    problems.raise_if_any(rows_read=read)

    result = LoadResult(vintage=VINTAGE, rows_read=read)
    cip_cols = ["code", "title"]
    staging_create(target="pathways_cip", columns=cip_cols, name="stage_cip")
    copy_rows(table="stage_cip", columns=cip_cols, rows=((c, t) for c, (t, _) in cips.items()))
    part = LoadResult(rows_read=len(cips))
    # CIP codes are never removed: programs elsewhere may name one the newer file dropped.
    pair_cols = ["cip_id", "soc_code", "soc_title"]
    staging_create(target="pathways_cipsoc", columns=pair_cols, name="stage_cipsoc")
    copy_rows(
        table="stage_cipsoc",
        columns=pair_cols,
        rows=((c, s, t) for (c, s), t in pairs.items()),
    )
    part.rows_added, part.rows_changed, _ = staging_merge(
        staging="stage_cip",
        target="pathways_cip",
        key=["code"],
        columns=cip_cols,
        remove_missing=False,
    )
    pairs_part = LoadResult(rows_read=len(pairs))
    pairs_part.rows_added, pairs_part.rows_changed, pairs_part.rows_removed = staging_merge(
        staging="stage_cipsoc",
        target="pathways_cipsoc",
        key=["cip_id", "soc_code"],
        columns=pair_cols,
    )
    result.add(part, name="cip")
    result.add(pairs_part, name="pairs")
    result.rows_read = read
    return result
