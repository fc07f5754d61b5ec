"""College Scorecard, Field of Study file: institution x 4-digit CIP x credential level.

The Department of Education writes "PrivacySuppressed" for figures it withholds to protect
students' privacy (too few students) and "NULL" for figures it does not have; both stay empty
here, and withheld ones are named in `withheld`.
"""

import re
from typing import Any

from .csvfile import FileRefused, Problem, rows_read
from .etpl import _DIGITS

COLUMNS = (
    "P_UNITID", "P_INSTNM", "P_CIPCODE", "P_CIPDESC", "P_CREDLEV", "P_CREDDESC", "P_COUNT",
    "P_DEBTMEDIAN", "P_MD_EARN_WNE",
)  # fmt: skip

SUPPRESSED = "PrivacySuppressed"
_CIP4 = re.compile(r"^\d{3,4}$")

FIGURES = {"awards_count": "P_COUNT", "median_debt_usd": "P_DEBTMEDIAN"}
FIGURES_EARNINGS = {"median_earnings_usd": "P_MD_EARN_WNE"}


def cip4_format(raw: str) -> str | None:
    """Return '11.01' for '1101' or '101' (a leading zero dropped)."""
    raw = raw.strip()
    if not _CIP4.match(raw):
        return None
    raw = raw.zfill(4)
    return f"{raw[:2]}.{raw[2:]}"


def programs_parse(
    text: str, *, cip_families: tuple[str, ...] | None = None
) -> list[dict[str, Any]]:
    """Return one dict per row whose CIP starts with one of cip_families ('11', '52.12'), all
    rows when None; raise FileRefused on any bad row (every row is checked, kept or not)."""
    _, rows = rows_read(text, required=COLUMNS, kind="a College Scorecard field-of-study file")
    problems: list[Problem] = []
    parsed: list[dict[str, Any]] = []
    first_row: dict[str, int] = {}
    for number, values in rows:

        def fail(column: str, message: str, number: int = number, values: dict = values) -> None:
            problems.append(Problem(number, column, values.get(column, ""), message))

        # A few institutions have no IPEDS unit id (NULL); their OPE id names them instead.
        unit_id = values["P_UNITID"].strip()
        if unit_id == "NULL":
            unit_id = "ope" + values.get("P_OPEID6", "").strip()
        if not _DIGITS.match(unit_id.removeprefix("ope")):
            fail("P_UNITID", "not an institution id (digits, or NULL with a P_OPEID6)")
        cip = cip4_format(values["P_CIPCODE"])
        if cip is None:
            fail("P_CIPCODE", "not a 4-digit CIP code")
        level = values["P_CREDLEV"].strip()
        if level not in {"1", "2", "3", "4", "5", "6", "7", "8"}:
            fail("P_CREDLEV", "not a credential level (1 to 8)")
        key = f"{unit_id}-{values['P_CIPCODE'].strip()}-{level}"
        if key in first_row:
            fail(
                "P_CIPCODE", f"duplicate institution, CIP and level (first on row {first_row[key]})"
            )
            continue
        first_row[key] = number
        record: dict[str, Any] = {"withheld": []}
        for field, column in (FIGURES | FIGURES_EARNINGS).items():
            raw = values[column].strip()
            record[field] = None
            if raw == SUPPRESSED:
                record["withheld"].append(field)
            elif raw not in ("", "NULL"):
                if not _DIGITS.match(raw):
                    fail(column, "not a whole number, PrivacySuppressed or NULL")
                else:
                    record[field] = int(raw)
        if cip is None or (cip_families and not cip.startswith(cip_families)):
            continue
        record.update(
            external_id=key,
            provider_key=f"scorecard:{unit_id}",
            provider_name=values["P_INSTNM"].strip(),
            name=f"{values['P_CIPDESC'].strip().rstrip('.')} ({values['P_CREDDESC'].strip()})",
            cip_code=cip,
            cip_title=values["P_CIPDESC"].strip().rstrip("."),
            credential_level=values["P_CREDDESC"].strip(),
            control=values.get("P_CONTROL", "").strip(),
        )
        parsed.append(record)
    if problems:
        raise FileRefused(problems)
    return parsed
