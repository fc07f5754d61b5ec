"""Writes of programs: loading a state's ETPL and College Scorecard, one transaction per file."""

import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from careerportal.public_cache import catalog_changed
from careerportal.text import folded
from pathways.publicdata.importing import (
    LoadResult,
    Source,
    local_copy,
    objects_insert,
    published_name,
)
from pathways.publicdata.models import Cip

from ..models import Credential, Provider, ProviderKind, ScorecardMatch
from . import etpl, places, scorecard
from .csvfile import FileRefused, Problem, file_bytes, text_decode
from .models import Program, ProgramSource

ETPL_URLS = {"NJ": "https://www.mycareer.nj.gov/training"}
ETPL_OUTCOMES_NAME = "State WIOA program outcomes"
# The outcomes file carries no period of its own; its release year (data README).
ETPL_OUTCOMES_PERIOD = "state file of 2020"
SCORECARD_SOURCE_NAME = "College Scorecard, Field of Study"
SCORECARD_URL = "https://collegescorecard.ed.gov/data/"

SCORECARD_SOURCE = Source(
    key="scorecard_fos",
    title="College Scorecard: Field of Study",
    publisher="U.S. Department of Education",
    licence="Public domain (U.S. government work)",
    credit="U.S. Department of Education, College Scorecard",
    home_url=SCORECARD_URL,
)


def etpl_source(state: str) -> Source:
    """The /data/ entry of one state's Eligible Training Provider List."""
    return Source(
        key=f"etpl_{state.lower()}",
        title=f"{state} Eligible Training Provider List (WIOA) with program outcomes",
        publisher=f"State of {state}, Department of Labor"
        if state != "NJ"
        else "New Jersey Department of Labor and Workforce Development",
        licence="Public government data",
        credit=f"{state} Eligible Training Provider List and WIOA outcomes",
        home_url=ETPL_URLS.get(state, ""),
    )


# A program's text-search vector from its search text, in SQL.
_VECTOR_SQL = "to_tsvector('english_unaccent', %s)"

# Program fields a load compares to tell "changed" from "unchanged".
_COMPARED = (
    "name", "description", "provider_id", "cip_code", "cip_title", "street", "city", "state",
    "zip_code", "county", "online", "tuition_usd", "fees_usd", "books_usd", "supplies_usd",
    "other_costs_usd", "total_cost_usd", "clock_hours", "calendar_length", "prerequisites",
    "evening_courses", "childcare", "transit_notes", "transit_access", "job_placement",
    "wheelchair_access", "languages", "credential_earned", "credential_kind", "wioa_eligible",
    "in_demand", "has_outcomes", "outcome_source", "outcome_period", "employed_q2_pct",
    "employed_q4_pct", "employed_q8_pct", "wage_q2_usd", "wage_q4_usd", "wage_q8_usd",
    "completers_q2", "completers_q4", "completers_q8", "credential_level", "awards_count",
    "median_earnings_usd", "median_debt_usd", "withheld", "employment_rate_pct",
    "earnings_usd", "source_date", "source_url", "outcome_source_url", "search_text",
)  # fmt: skip


# Parsed ETPL keys that describe the provider or the row, not the program.
_NOT_PROGRAM_FIELDS = frozenset(
    {"provider_key", "provider_id", "provider_name", "provider_website", "industry_credential_id",
     "status"}
)  # fmt: skip


def search_text_build(*parts: str) -> str:
    """Lower-case, unaccented words of the parts, with "+" read as " plus" (Security+)."""
    text = folded(" ".join(p for p in parts if p).replace("+", " plus "))
    return re.sub(r"\s+", " ", text).strip()


SCORECARD_PROVIDER_PREFIX = "scorecard:"


def provider_name_key(name: str) -> str:
    """A name as matched: lower case, no accents, each run of other characters one space."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded(name)).split())


_MATCH_FIELDS = ["scorecard_unitid", "scorecard_name", "scorecard_match"]


def providers_scorecard_match() -> int:
    """Tie each provider not loaded from the College Scorecard to the Scorecard school of exactly
    its name (normalized by provider_name_key) when one and only one school in the loaded
    Scorecard file has that name; untie it otherwise. No fuzzy match. Return how many are tied.

    "Only one" is among the schools of the Scorecard file as loaded: with the carried subset
    (tech fields only) a school without tech programs is not there to compare.
    """
    schools: dict[str, list[tuple[str, str]]] = {}
    rows = Provider.objects.filter(external_key__startswith=SCORECARD_PROVIDER_PREFIX)
    for key, name in rows.values_list("external_key", "name"):
        schools.setdefault(provider_name_key(name), []).append(
            (key.removeprefix(SCORECARD_PROVIDER_PREFIX), name)
        )
    changed, tied = [], 0
    others = Provider.objects.exclude(external_key__startswith=SCORECARD_PROVIDER_PREFIX)
    for provider in others.only("name", *_MATCH_FIELDS):
        key = provider_name_key(provider.name)
        found = schools.get(key, []) if key else []
        match = (*found[0], ScorecardMatch.EXACT_NAME.value) if len(found) == 1 else ("", "", "")
        tied += bool(match[0])
        if tuple(getattr(provider, f) for f in _MATCH_FIELDS) != match:
            for name, value in zip(_MATCH_FIELDS, match, strict=True):
                setattr(provider, name, value)
            changed.append(provider)
    Provider.objects.bulk_update(changed, _MATCH_FIELDS, batch_size=1000)
    if changed:
        # bulk_update sends no model signals: cached public pages (credential facts) are stale.
        transaction.on_commit(catalog_changed)
    return tied


def _file_date(name: str, given: date | None) -> date:
    found = given or etpl.file_date_from_name(name)
    if found is None:
        raise FileRefused(
            [Problem(0, "", name, "give the file's date (--date YYYY-MM-DD): its name has none")]
        )
    return found


def _providers_upsert(records: Iterable[dict[str, Any]], *, kind: str) -> dict[str, int]:
    """Create or update one Provider per external key; return {key: provider id}."""
    wanted: dict[str, dict[str, Any]] = {}
    for record in records:
        wanted.setdefault(record["provider_key"], record)
    existing = {p.external_key: p for p in Provider.objects.filter(external_key__in=wanted)}
    to_create, to_update = [], []
    for key, record in wanted.items():
        fields = {
            "name": record["provider_name"][:200] or key,
            "street": record.get("street", "")[:300],
            "city": record.get("city", "")[:120],
            "state": record.get("state", ""),
            "zip_code": record.get("zip_code", ""),
        }
        website = record.get("provider_website", "")
        if website and not website.startswith("http"):
            website = "https://" + website
        fields["website"] = website[:500]
        provider = existing.get(key)
        if provider is None:
            slug = slugify(f"{fields['name'][:90]} {key.replace(':', ' ')}")[:120]
            to_create.append(Provider(external_key=key, slug=slug, kind=kind, **fields))
        elif any(getattr(provider, f) != v for f, v in fields.items()):
            for f, v in fields.items():
                setattr(provider, f, v)
            to_update.append(provider)
    Provider.objects.bulk_create(to_create, batch_size=2000)
    if to_update:
        Provider.objects.bulk_update(
            to_update, ["name", "street", "city", "state", "zip_code", "website"], batch_size=2000
        )
    return dict(Provider.objects.filter(external_key__in=wanted).values_list("external_key", "pk"))


def _comparable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _programs_upsert(
    *, source: str, state: str, programs: list[Program], file_date: date
) -> tuple[int, int, int]:
    """Insert new programs, update changed ones (never with an older file's values)."""
    keys = [p.external_id for p in programs]
    # The field's CIP 2020 title where the list gives only the code.
    titles = dict(
        Cip.objects.filter(code__in={p.cip_code for p in programs if not p.cip_title}).values_list(
            "code", "title"
        )
    )
    for program in programs:
        if not program.cip_title:
            program.cip_title = titles.get(program.cip_code, "")[:300]
    existing = {
        p.external_id: p
        for p in Program.objects.filter(source=source, source_state=state, external_id__in=keys)
    }
    added = changed = unchanged = 0
    to_create, to_update = [], []
    for program in programs:
        old = existing.get(program.external_id)
        if old is None:
            to_create.append(program)
            added += 1
            continue
        if old.source_date > file_date:
            unchanged += 1  # a newer release already holds this program
            continue
        if all(_comparable(getattr(old, f)) == _comparable(getattr(program, f)) for f in _COMPARED):
            unchanged += 1
            continue
        program.pk = old.pk
        to_update.append(program)
        changed += 1
    objects_insert(to_create, computed={"search_vector": (_VECTOR_SQL, "search_text")})
    # One UPDATE per changed program: bulk_update's CASE over 55 columns was far slower. The
    # vector is cleared, for program_search_refresh to compute it from the new text.
    for program in to_update:
        Program.objects.filter(pk=program.pk).update(
            search_vector=None, **{f: getattr(program, f) for f in _COMPARED}
        )
    return added, changed, unchanged


def _after_write(*, source: str, state: str, started: Any) -> None:
    program_search_refresh(source=source, state=state, since=started)
    program_places_refresh(source=source, state=state)
    with connection.cursor() as cursor:
        # Fresh planner statistics: a first load otherwise leaves the tables unanalysed until
        # autovacuum comes by, and the planner then joins every provider before the LIMIT.
        cursor.execute("ANALYZE credentials_program")
        cursor.execute("ANALYZE credentials_provider")


def program_search_refresh(
    *, source: str | None = None, state: str | None = None, since: datetime | None = None
) -> None:
    """Index the search text of programs (of a source and state, written since a time).

    Set-based: their words (3 letters or more) join the vocabulary that corrects typos, and the
    text-search vectors still missing (null) are computed. Programs never indexed are included
    whatever their time. Words of programs since removed stay in the vocabulary; a correction
    to one of them finds nothing, as the typo itself would.
    """
    conditions: list[str] = ["TRUE"]
    params: list[Any] = []
    if source is not None:
        conditions.append("source = %s")
        params.append(source)
    if state is not None:
        conditions.append("source_state = %s")
        params.append(state)
    if since is not None:
        conditions.append("(search_vector IS NULL OR updated_at >= %s)")
        params.append(since)
    where = " AND ".join(conditions)
    with connection.cursor() as cursor:
        # The words first: the vectors' update below makes "not indexed yet" false.
        cursor.execute(
            "INSERT INTO credentials_programword (word) SELECT DISTINCT word "
            "FROM credentials_program, regexp_split_to_table(search_text, '[^a-z]+') AS word "
            f"WHERE length(word) BETWEEN 3 AND 60 AND {where} ON CONFLICT DO NOTHING",
            params,
        )
        cursor.execute(
            "UPDATE credentials_program SET search_vector = "
            f"{_VECTOR_SQL % 'search_text'} WHERE search_vector IS NULL AND {where}",
            params,
        )
        # Unanalysed, the planner reads all the words instead of using the trigram index.
        cursor.execute("ANALYZE credentials_programword")


def program_places_refresh(*, source: str | None = None, state: str | None = None) -> int:
    """Set each program's point from its ZIP's Census ZCTA centroid; return rows updated."""
    return places.program_places_set(source=source, state=state)


def _credential_links(programs: list[Program], records: list[dict[str, Any]]) -> None:
    """Link ETPL programs to the catalog's credentials their industry-credential id names."""
    slugs = set(etpl.CREDENTIAL_SLUGS_BY_ETPL_ID.values())
    by_slug = dict(Credential.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    through = Program.credentials.through
    ids = dict(
        Program.objects.filter(
            source=ProgramSource.ETPL,
            source_state=programs[0].source_state,
            external_id__in=[p.external_id for p in programs],
        ).values_list("external_id", "pk")
    )
    links = []
    for record in records:
        slug = etpl.CREDENTIAL_SLUGS_BY_ETPL_ID.get(record["industry_credential_id"])
        if slug and slug in by_slug and record["external_id"] in ids:
            links.append(
                through(program_id=ids[record["external_id"]], credential_id=by_slug[slug])
            )
    through.objects.filter(program_id__in=ids.values()).delete()
    through.objects.bulk_create(links, ignore_conflicts=True)


def _side_file(location: str) -> str:
    """The text of a second file of a load (outcomes, lists), from a path or URL."""
    with local_copy(location) as path:
        return text_decode(file_bytes(path), allow_cp1252=False)


def programs_etpl_load(
    path: Path,
    *,
    state: str,
    outcomes_source: str | None = None,
    in_demand_source: str | None = None,
    online_source: str | None = None,
    file_date: date | None = None,
    source_url: str = "",
) -> LoadResult:
    """Load one ETPL release (and its outcomes): all rows valid or nothing written."""
    state = state.upper()
    raw, name = file_bytes(path), published_name(path)
    online_ids = None
    if online_source:
        online_ids = etpl.code_list_parse(
            _side_file(online_source), column="PROGRAMID", kind="a list of online program ids"
        )
    records = etpl.programs_parse(
        text_decode(raw, allow_cp1252=False), state=state, online_ids=online_ids
    )
    # After the header check, so a file of the wrong kind is named as such first.
    file_date = _file_date(name, file_date)
    outcomes: dict[tuple[str, str], dict[str, Any]] = {}
    outcome_period = ""
    if outcomes_source:
        outcomes = etpl.outcomes_parse(_side_file(outcomes_source))
        outcome_period = ETPL_OUTCOMES_PERIOD
    in_demand: set[str] | None = None
    if in_demand_source:
        in_demand = {
            etpl.cip_format(c) or c
            for c in etpl.code_list_parse(
                _side_file(in_demand_source),
                column="CIP",
                kind="an in-demand CIP list",
            )
        }
    url = source_url or ETPL_URLS.get(state, "")
    started = timezone.now()
    with transaction.atomic():
        provider_ids = _providers_upsert(records, kind=ProviderKind.COMMUNITY_COLLEGE)
        programs = []
        for record in records:
            outcome = outcomes.get((record["provider_id"], record["cip_code"]))
            fields = {k: v for k, v in record.items() if k not in _NOT_PROGRAM_FIELDS}
            program = Program(
                source=ProgramSource.ETPL,
                source_state=state,
                source_url=url,
                source_date=file_date,
                provider_id=provider_ids[record["provider_key"]],
                in_demand=(record["cip_code"] in in_demand) if in_demand is not None else None,
                search_text=search_text_build(
                    record["name"],
                    record["provider_name"],
                    record["credential_earned"],
                    record["description"][:300],
                ),
                **fields,
            )
            if outcome:
                for key, value in outcome.items():
                    setattr(program, key, value)
                program.has_outcomes = True
                program.outcome_source = ETPL_OUTCOMES_NAME
                program.outcome_source_url = url
                program.outcome_period = outcome_period
                program.employment_rate_pct = outcome["employed_q2_pct"]
                wage = outcome["wage_q2_usd"]
                program.earnings_usd = int(wage * 4) if wage is not None else None
            programs.append(program)
        added, changed, unchanged = _programs_upsert(
            source=ProgramSource.ETPL, state=state, programs=programs, file_date=file_date
        )
        _credential_links(programs, records)
        _after_write(source=ProgramSource.ETPL, state=state, started=started)
        providers_scorecard_match()
    return LoadResult(
        vintage=file_date.isoformat(),
        # One scope per release: releases are upserted on top of each other (none removes the
        # programs of another), so loading the 2023 file does not make the 2021 one "changed";
        # load_public_data then skips both on a second run.
        scope=f"{state} {file_date.isoformat()}",
        rows_read=len(records),
        rows_added=added,
        rows_changed=changed,
        details={"unchanged": unchanged, "with_outcomes": sum(p.has_outcomes for p in programs)},
    )


def _pooled_years(name: str) -> str:
    match = re.search(r"(\d{2})(\d{2})_(\d{2})(\d{2})", name)
    if not match:
        return ""
    return f"Award years 20{match[1]}-{match[2]} and 20{match[3]}-{match[4]}, pooled"


def programs_scorecard_load(
    path: Path,
    *,
    file_date: date,
    cip_families: tuple[str, ...] | None = None,
    source_url: str = SCORECARD_URL,
) -> LoadResult:
    """Load College Scorecard field-of-study rows of the given CIP families (all when None)."""
    raw, name = file_bytes(path), published_name(path)
    records = scorecard.programs_parse(
        text_decode(raw, allow_cp1252=True), cip_families=cip_families
    )
    period = _pooled_years(name)
    started = timezone.now()
    with transaction.atomic():
        provider_ids = _providers_upsert(records, kind=ProviderKind.UNIVERSITY)
        programs = []
        for record in records:
            has = any(
                record[k] is not None
                for k in ("awards_count", "median_earnings_usd", "median_debt_usd")
            ) or bool(record["withheld"])
            programs.append(
                Program(
                    source=ProgramSource.SCORECARD,
                    source_state="",
                    external_id=record["external_id"],
                    source_url=source_url,
                    source_date=file_date,
                    provider_id=provider_ids[record["provider_key"]],
                    name=record["name"][:300],
                    cip_code=record["cip_code"],
                    cip_title=record["cip_title"][:300],
                    credential_level=record["credential_level"],
                    credential_earned=record["credential_level"],
                    credential_kind=record["credential_level"],
                    awards_count=record["awards_count"],
                    median_earnings_usd=record["median_earnings_usd"],
                    median_debt_usd=record["median_debt_usd"],
                    withheld=record["withheld"],
                    has_outcomes=has,
                    outcome_source=SCORECARD_SOURCE_NAME if has else "",
                    outcome_source_url=source_url if has else "",
                    outcome_period=period if has else "",
                    earnings_usd=record["median_earnings_usd"],
                    search_text=search_text_build(
                        record["name"], record["provider_name"], record["cip_title"]
                    ),
                )
            )
        added, changed, unchanged = _programs_upsert(
            source=ProgramSource.SCORECARD, state="", programs=programs, file_date=file_date
        )
        _after_write(source=ProgramSource.SCORECARD, state="", started=started)
        providers_scorecard_match()
    return LoadResult(
        vintage=period or file_date.isoformat(),
        scope="tech CIPs" if cip_families else "all",
        rows_read=len(records),
        rows_added=added,
        rows_changed=changed,
        details={"unchanged": unchanged, "cip_families": list(cip_families or [])},
    )


def tech_cip_families() -> tuple[str, ...]:
    """CIP 11 and every CIP the CIP-SOC crosswalk ties to a tech-family occupation."""
    return ("11", *places.tech_cips())
