"""Programs as columns of the compare page, beside credentials (same rows, same CSV)."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q

from pathways.publicdata.models import CipSoc

from .models import Program

PROGRAM_ID_RE = re.compile(r"^program-(\d{1,12})$")


def program_compare_id_parse(token: str) -> int | None:
    """Return the program id of a "program-<id>" compare token, else None."""
    match = PROGRAM_ID_RE.match(token)
    return int(match[1]) if match else None


@dataclass
class ProgramCompareRow:
    """A program dressed as a comparison-index row, plus what only programs have."""

    program: Program
    slug: str
    name: str
    provider_name: str
    total_cost_min_usd: Decimal | None
    total_cost_max_usd: Decimal | None
    cost_source_date: str
    cost_is_synthetic: bool
    total_hours: int | None
    placement_rate_pct: Decimal | None
    outcome_period: str
    outcome_source_name: str
    outcome_source_url: str
    outcome_is_synthetic: bool
    occupation_codes: list[str] = field(default_factory=list)
    occupation_wage_min_usd: int | None = None
    is_program: bool = True
    duration_weeks: None = None
    median_salary_usd: None = None
    certified: bool = False
    certification_status: str = ""
    certification_decided_on: date | None = None
    recognition_count: int = 0


def program_compare_rows(*, ids: list[int]) -> dict[int, ProgramCompareRow]:
    """Return {program id: compare row} for the programs that exist (one query)."""
    rows = {}
    for program in Program.objects.select_related("provider").filter(pk__in=ids):
        rows[program.pk] = ProgramCompareRow(
            program=program,
            slug=program.compare_id,
            name=program.name,
            provider_name=program.provider.name,
            total_cost_min_usd=program.total_cost_usd,
            total_cost_max_usd=program.total_cost_usd,
            cost_source_date=program.source_date.isoformat(),
            cost_is_synthetic=program.is_synthetic,
            total_hours=program.clock_hours,
            placement_rate_pct=program.employment_rate_pct,
            outcome_period=program.outcome_period,
            outcome_source_name=program.outcome_source,
            outcome_source_url=program.outcome_source_url,
            outcome_is_synthetic=program.is_synthetic,
        )
    # The jobs each program's field leads to (CIP-SOC crosswalk), in one query for all.
    condition = Q()
    for row in rows.values():
        condition |= Q(cip__code__startswith=row.program.cip_code)
    links = list(CipSoc.objects.filter(condition).values_list("cip_id", "soc_code")) if rows else []
    for row in rows.values():
        row.occupation_codes = sorted(
            {soc for cip, soc in links if cip.startswith(row.program.cip_code)}
        )
    return rows
