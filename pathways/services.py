"""Writes for pathways: loading occupation figures, funding sources and pathways."""

from pathlib import Path
from typing import Any

from django.db import transaction

from .models import Occupation
from .occupation_files import MISSING_REASONS, parse_occupation_file

PORTAL_FIELDS = [
    "title",
    "description",
    "median_annual_wage",
    "wage_vintage",
    "wage_source_url",
    "wage_confidence",
    "employment",
    "employment_vintage",
    "projected_change_pct",
    "projection_period",
    "annual_openings",
    "projection_source_url",
    "projection_confidence",
    "typical_entry_education",
    "entry_education",
    "education_source_url",
    "job_zone",
    "bright_outlook",
    "onet_source_url",
    "onet_confidence",
    "onet_vintage",
    "field",
    "missing_reasons",
]
OEWS_FIELDS = ["median_annual_wage", "wage_vintage", "wage_source_url", "wage_confidence"]
PROJECTION_FIELDS = [
    "employment",
    "projected_change_pct",
    "annual_openings",
    "typical_entry_education",
    "entry_education",
    "employment_vintage",
    "projection_period",
    "projection_source_url",
    "education_source_url",
    "projection_confidence",
]


def occupations_load(*, path: Path, vintage: str = "", source_url: str = "") -> str:
    """Validate a whole occupation file, then load all of it in one transaction (or none)."""
    parsed = parse_occupation_file(path, vintage=vintage, source_url=source_url)
    if parsed.kind == "portal":
        return _load_portal(parsed.records)
    fields = OEWS_FIELDS if parsed.kind == "oews" else PROJECTION_FIELDS
    label = "BLS OEWS" if parsed.kind == "oews" else "BLS Employment Projections"
    return _update_tracked(parsed.records, fields=fields, label=f"{label} {parsed.vintage}")


def _load_portal(records: dict[str, dict[str, Any]]) -> str:
    rows = [
        # English is the source language; Spanish translations (title_es...) are kept as they are.
        Occupation(**rec, title_en=rec["title"], description_en=rec["description"])
        for rec in records.values()
    ]
    with transaction.atomic():
        Occupation.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["soc_code"],
            update_fields=[*PORTAL_FIELDS, "title_en", "description_en"],
        )
    return f"{len(rows)} occupations loaded"


def _update_tracked(records: dict[str, dict[str, Any]], *, fields: list[str], label: str) -> str:
    """Update the figures of the occupations the portal tracks; codes not in the file go empty."""
    with transaction.atomic():
        tracked = list(Occupation.objects.select_for_update().order_by("soc_code"))
        found = 0
        for occupation in tracked:
            rec = records.get(occupation.soc_code)
            reasons = dict(occupation.missing_reasons)
            for name in fields:
                if name in MISSING_REASONS:
                    reasons.pop(name, None)
            if rec is None:
                for name in fields:
                    default = "" if isinstance(getattr(occupation, name), str) else None
                    setattr(occupation, name, default)
                for name in fields:
                    if name in MISSING_REASONS:
                        reasons[name] = f"Not in the {label} file"
            else:
                found += 1
                for name in fields:
                    setattr(occupation, name, rec[name])
                for name in fields:
                    if name in MISSING_REASONS and rec[name] in (None, ""):
                        reasons[name] = rec.get("reason") or MISSING_REASONS[name]
            occupation.missing_reasons = reasons
        Occupation.objects.bulk_update(tracked, [*fields, "missing_reasons"])
    return f"{found} of {len(tracked)} tracked occupations updated from {label}"
