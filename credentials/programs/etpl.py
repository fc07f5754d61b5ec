"""State Eligible Training Provider List (ETPL) files: programs, and outcomes per provider x CIP.

Reads New Jersey's releases (the 2021 export and the 2023 standardized one differ in columns;
only the columns both carry are required) and any state's list in the same layout. Yes/no
columns use 1 = yes, 2 = no, blank = not said; the outcomes file uses -99999 for figures the
state withheld.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .csvfile import FileRefused, Problem, rows_read, strip_quotes

PROGRAM_COLUMNS = (
    "programid", "providerid", "officialname", "cipcode", "tuition", "fees", "booksmaterialscost",
    "suppliestoolscost", "othercosts", "totalcost", "prerequisites", "wiaeligible",
    "degreeawardedname", "licenseawardedname", "industrycredentialname", "description",
    "totalclockhours", "calendarlengthid", "statusname", "name", "street1", "street2", "city",
    "state", "zip", "county", "website", "distancelearning", "speakspanish", "languages",
    "careerassist", "childcare", "assistobtainingchildcare", "eveningcourses",
    "accessfordisabled", "busroute1", "busroute2", "trnroute1", "trnroute2",
)  # fmt: skip

OUTCOME_COLUMNS = (
    "providerid", "cipcode", "PerEmployed2", "PerEmployed4", "PerEmployed8",
    "AvgQuarterlyWage2", "AvgQuarterlyWage4", "AvgQuarterlyWage8",
    "NumCompleted2", "NumCompleted4", "NumCompleted8",
)  # fmt: skip

WITHHELD = "-99999"

# The ETPL's language names -> ISO 639-1 codes (Indic/Hindu -> Hindi; the list's own grouping).
LANGUAGE_CODES = {
    "spanish": "es", "arabic": "ar", "chinese": "zh", "portuguese": "pt", "french": "fr",
    "french/french creole": "fr", "italian": "it", "polish": "pl", "russian": "ru",
    "indic/hindu": "hi", "yiddish/hebrew": "he", "korean": "ko", "german": "de",
    "japanese": "ja", "hungarian": "hu", "greek": "el", "vietnamese": "vi",
    "tagalog (philipines)": "tl", "tagalog": "tl", "other languages": "other",
}  # fmt: skip

# The hand-compiled catalog's credentials, by the id the state's industry-credential table
# (TBLINDUSTRYCREDENTIAL_DATA_TABLE.csv) gives them; a program naming one prepares for it.
CREDENTIAL_SLUGS_BY_ETPL_ID = {
    "8": "comptia-a-plus", "907": "comptia-network-plus", "1945": "comptia-security-plus",
    "3248": "comptia-cysa-plus", "821": "comptia-pentest-plus", "411": "comptia-securityx",
    "747": "comptia-linux-plus", "3247": "comptia-cloud-plus", "1547": "isaca-cisa",
    "3127": "isaca-cisa", "1548": "isaca-cism", "3129": "isaca-cism", "1692": "isc2-sscp",
    "1695": "isc2-cissp", "1696": "ec-council-ceh", "3024": "ec-council-ceh",
    "3289": "aws-cloud-practitioner",
}  # fmt: skip

_DIGITS = re.compile(r"^\d+$")
_STATE = re.compile(r"^[A-Z]{2}$")


def cip_format(raw: str) -> str | None:
    """Return '11.0801' for '110801' or '90101' (a leading zero dropped by a spreadsheet)."""
    raw = raw.strip().replace(".", "")
    if not _DIGITS.match(raw) or not 5 <= len(raw) <= 6:
        return None
    raw = raw.zfill(6)
    return f"{raw[:2]}.{raw[2:]}"


def file_date_from_name(name: str) -> date | None:
    """Return the date in a release's file name (etpl_20210329172300.csv -> 2021-03-29)."""
    match = re.search(r"(20\d{2})(\d{2})(\d{2})", name)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@dataclass
class _Row:
    number: int
    values: dict[str, str]
    problems: list[Problem]

    def text(self, column: str) -> str:
        return strip_quotes(self.values.get(column, ""))

    def fail(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.number, column, self.values.get(column, ""), message))

    def money(self, column: str) -> Decimal | None:
        raw = self.text(column).replace("$", "").replace(",", "")
        if raw == "":
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            self.fail(column, "not an amount of money")
            return None
        if value < 0 or value >= 10**8:
            self.fail(column, "amount out of range")
            return None
        return value

    def whole(self, column: str, *, allow_withheld: bool = False) -> int | None:
        raw = self.text(column)
        if raw == "" or (allow_withheld and raw == WITHHELD):
            return None
        try:
            number = Decimal(raw)
        except InvalidOperation:
            self.fail(column, "not a number")
            return None
        if number < 0 or number != number.to_integral_value():
            self.fail(column, "not a whole number of 0 or more")
            return None
        return int(number)

    def flag(self, column: str) -> bool | None:
        """1 = yes, 2 = no, blank = not said (the ETPL's coding)."""
        raw = self.text(column)
        if raw not in ("", "1", "2"):
            self.fail(column, "expected 1 (yes), 2 (no) or blank")
            return None
        return {"1": True, "2": False}.get(raw)

    def truth(self, column: str) -> bool | None:
        raw = self.text(column).lower()
        if raw in ("true", "t", "1", "yes"):
            return True
        if raw in ("false", "f", "0", "no"):
            return False
        if raw:
            self.fail(column, "expected true or false")
        return None


def _either(a: bool | None, b: bool | None) -> bool | None:
    if a or b:
        return True
    if a is None and b is None:
        return None
    return False


def _languages(row: _Row) -> list[str]:
    codes: list[str] = []
    if row.flag("speakspanish"):
        codes.append("es")
    for part in row.text("languages").split(","):
        name = part.strip().strip('"').strip().lower()
        if not name:
            continue
        code = LANGUAGE_CODES.get(name)
        if code is None:
            row.fail("languages", f"unknown language {name!r}")
            continue
        codes.append(code)
    return list(dict.fromkeys(codes))


def programs_parse(
    text: str, *, state: str, online_ids: set[str] | None = None
) -> list[dict[str, Any]]:
    """Return one dict of Program fields per row (plus provider fields), or raise FileRefused."""
    _, rows = rows_read(text, required=PROGRAM_COLUMNS, kind="an ETPL programs file")
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    parsed: list[dict[str, Any]] = []
    for number, values in rows:
        row = _Row(number, values, problems)
        program_id = row.text("programid")
        if not _DIGITS.match(program_id):
            row.fail("programid", "not a program id (digits)")
        elif program_id in seen:
            row.fail("programid", f"duplicate program id (first on row {seen[program_id]})")
        else:
            seen[program_id] = number
        provider_id = row.text("providerid")
        if not _DIGITS.match(provider_id):
            row.fail("providerid", "not a provider id (digits)")
        cip = cip_format(row.text("cipcode"))
        if cip is None:
            row.fail("cipcode", "not a 6-digit CIP code")
        name = row.text("officialname")
        if not name:
            row.fail("officialname", "a program needs a name")
        calendar = row.whole("calendarlengthid")
        if calendar is not None and not 1 <= calendar <= 10:
            row.fail("calendarlengthid", "not a calendar-length code (1 to 10)")
            calendar = None
        place_state = row.text("state").upper()
        if place_state and not _STATE.match(place_state):
            row.fail("state", "not a two-letter state code")
        zip_code = row.text("zip")
        if zip_code:
            zip_code = zip_code.split("-")[0]
            if not _DIGITS.match(zip_code) or not 3 <= len(zip_code) <= 5:
                row.fail("zip", "not a ZIP code")
            zip_code = zip_code.zfill(5)
        transit = "; ".join(
            t
            for t in (row.text(c) for c in ("busroute1", "busroute2", "trnroute1", "trnroute2"))
            if t
        )
        distance = row.flag("distancelearning")
        credential = (
            row.text("industrycredentialname")
            or row.text("licenseawardedname")
            or row.text("degreeawardedname")
        )
        kind = row.text("credentialtype") if "credentialtype" in values else ""
        if not kind:
            kind = (
                "Certification"
                if row.text("industrycredentialname")
                else "License"
                if row.text("licenseawardedname")
                else row.text("degreeawardedname")
            )
        record = {
            "external_id": program_id,
            "provider_key": f"etpl-{state.lower()}:{provider_id}",
            "provider_id": provider_id,
            "provider_name": row.text("name"),
            "provider_website": row.text("website"),
            "name": name,
            "description": row.text("description"),
            "cip_code": cip or "",
            "street": ", ".join(p for p in (row.text("street1"), row.text("street2")) if p),
            "city": row.text("city"),
            "state": place_state,
            "zip_code": zip_code,
            "county": row.text("county"),
            "online": True if online_ids and program_id in online_ids else distance,
            "tuition_usd": row.money("tuition"),
            "fees_usd": row.money("fees"),
            "books_usd": row.money("booksmaterialscost"),
            "supplies_usd": row.money("suppliestoolscost"),
            "other_costs_usd": row.money("othercosts"),
            "total_cost_usd": row.money("totalcost"),
            "clock_hours": row.whole("totalclockhours"),
            "calendar_length": calendar,
            "prerequisites": row.text("prerequisites"),
            "evening_courses": row.flag("eveningcourses"),
            "childcare": _either(row.flag("childcare"), row.flag("assistobtainingchildcare")),
            "transit_notes": transit,
            "transit_access": True if transit else None,
            "job_placement": row.flag("careerassist"),
            "wheelchair_access": row.flag("accessfordisabled"),
            "languages": _languages(row),
            "credential_earned": credential,
            "industry_credential_id": row.text("industrycredential"),
            "credential_kind": kind,
            "wioa_eligible": bool(row.truth("wiaeligible")),
            "status": row.text("statusname"),
        }
        parsed.append(record)
    if problems:
        raise FileRefused(problems)
    if not parsed:
        raise FileRefused([Problem(2, "", "", "no programs in the file")])
    return parsed


def _rate(row: _Row, column: str) -> Decimal | None:
    """The file's share (0 to 1) as a percentage with one decimal; None when withheld."""
    raw = row.text(column)
    if raw in ("", WITHHELD):
        return None
    try:
        share = Decimal(raw)
    except InvalidOperation:
        row.fail(column, "not a number")
        return None
    if not 0 <= share <= 1:
        row.fail(column, "a share must be between 0 and 1 (or -99999, withheld)")
        return None
    return (share * 100).quantize(Decimal("0.1"))


OUTCOME_FIELDS = {
    "employed_q2_pct": "PerEmployed2",
    "employed_q4_pct": "PerEmployed4",
    "employed_q8_pct": "PerEmployed8",
    "wage_q2_usd": "AvgQuarterlyWage2",
    "wage_q4_usd": "AvgQuarterlyWage4",
    "wage_q8_usd": "AvgQuarterlyWage8",
    "completers_q2": "NumCompleted2",
    "completers_q4": "NumCompleted4",
    "completers_q8": "NumCompleted8",
}


def outcomes_parse(text: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Return {(provider id, CIP): outcome fields with 'withheld'}, or raise FileRefused."""
    _, rows = rows_read(text, required=OUTCOME_COLUMNS, kind="an ETPL outcomes file")
    problems: list[Problem] = []
    result: dict[tuple[str, str], dict[str, Any]] = {}
    first_row: dict[tuple[str, str], int] = {}
    for number, values in rows:
        row = _Row(number, values, problems)
        provider_id = row.text("providerid")
        if not _DIGITS.match(provider_id):
            row.fail("providerid", "not a provider id (digits)")
        cip = cip_format(row.text("cipcode"))
        if cip is None:
            row.fail("cipcode", "not a 6-digit CIP code")
        key = (provider_id, cip or "")
        if key in first_row:
            row.fail("cipcode", f"duplicate provider and CIP (first on row {first_row[key]})")
            continue
        first_row[key] = number
        outcome: dict[str, Any] = {"withheld": []}
        for field, column in OUTCOME_FIELDS.items():
            if row.text(column) == WITHHELD:
                outcome["withheld"].append(field)
            if field.startswith("employed"):
                outcome[field] = _rate(row, column)
            elif field.startswith("wage"):
                outcome[field] = None if row.text(column) == WITHHELD else row.money(column)
            else:
                outcome[field] = row.whole(column, allow_withheld=True)
        result[key] = outcome
    if problems:
        raise FileRefused(problems)
    return result


def code_list_parse(text: str, *, column: str, kind: str) -> set[str]:
    """Return the values of one column of a state list (in-demand CIPs, online program ids)."""
    _, rows = rows_read(text, required=(column,), kind=kind)
    return {strip_quotes(values[column]) for _, values in rows if values[column].strip()}
