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


ONET_GROUP = ["job_zone", "onet_source_url", "onet_confidence", "onet_vintage"]


def _load_portal(records: dict[str, dict[str, Any]]) -> str:
    """Load hand-compiled rows; where a public-data load already holds a figure, it stays.

    The agencies' files are the authority wherever both hold a figure (data/README.md): O*NET
    figures of an occupation loaded from O*NET are kept, and the OEWS/Projections figures are
    copied back from their tables after the rows are written.
    """
    from .publicdata.oews import occupation_national_wage_refresh
    from .publicdata.onet import occupation_tech_family_refresh
    from .publicdata.projections import occupation_projection_refresh

    from_onet = set(
        Occupation.objects.exclude(onet_code="")
        .filter(soc_code__in=list(records))
        .values_list("soc_code", flat=True)
    )
    with transaction.atomic():
        for codes, fields in (
            ([c for c in records if c not in from_onet], PORTAL_FIELDS),
            (
                [c for c in records if c in from_onet],
                [f for f in PORTAL_FIELDS if f not in ONET_GROUP],
            ),
        ):
            rows = [
                # English is the source language; Spanish translations (title_es...) are kept.
                Occupation(
                    **records[code],
                    soc_detailed=code[:7],
                    title_en=records[code]["title"],
                    description_en=records[code]["description"],
                )
                for code in codes
            ]
            Occupation.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["soc_code"],
                update_fields=[*fields, "soc_detailed", "title_en", "description_en"],
            )
        occupation_national_wage_refresh()
        occupation_projection_refresh()
        occupation_tech_family_refresh()
    return f"{len(records)} occupations loaded"


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


PLAIN_DESCRIPTIONS = (
    Path(__file__).resolve().parent.parent / "data" / "occupation_descriptions_plain.csv"
)


def occupation_plain_descriptions_load(*, path: Path = PLAIN_DESCRIPTIONS) -> int:
    """Give the occupations O*NET adds to the tech family the plain descriptions we wrote.

    English only: the other languages come from data/translations/<lang>.csv. Codes not loaded
    yet are skipped (the call after the public data adds them). Returns the number changed.
    """
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        wanted = {r["soc_code"]: r["plain_description"] for r in csv.DictReader(handle)}
    changed = []
    for occupation in Occupation.objects.filter(soc_code__in=list(wanted)).only(
        "soc_code", "description_en"
    ):
        text = wanted[occupation.soc_code]
        if occupation.description_en != text:  # type: ignore[attr-defined]
            occupation.description_en = text  # type: ignore[attr-defined]
            changed.append(occupation)
    Occupation.objects.bulk_update(changed, ["description_en"])
    return len(changed)


PORTAL_TITLES = Path(__file__).resolve().parent.parent / "data" / "occupation_titles_portal.csv"


def occupation_titles_portal_load(*, path: Path = PORTAL_TITLES) -> int:
    """Load the titles this portal wrote (Spanish titles, job-board words); marked as ours.

    Codes not loaded yet (O*NET's narrower occupations before load_onet) are skipped; the
    next call, after the public data is loaded, adds them. Returns the number of titles.
    """
    import csv

    from .publicdata.models import OccupationTitle, TitleKind

    with path.open(encoding="utf-8", newline="") as handle:
        wanted = [(r["soc_code"], r["language"], r["title"]) for r in csv.DictReader(handle)]
    ids = dict(
        Occupation.objects.filter(soc_code__in={c for c, _, _ in wanted}).values_list(
            "soc_code", "id"
        )
    )
    rows = [
        OccupationTitle(occupation_id=ids[code], kind=TitleKind.PORTAL, language=lang, title=title)
        for code, lang, title in wanted
        if code in ids
    ]
    with transaction.atomic():
        keep = {(r.occupation_id, r.language, r.title) for r in rows}
        stale = [
            pk
            for pk, occ, lang, title in OccupationTitle.objects.filter(
                kind=TitleKind.PORTAL
            ).values_list("pk", "occupation_id", "language", "title")
            if (occ, lang, title) not in keep
        ]
        OccupationTitle.objects.filter(pk__in=stale).delete()
        OccupationTitle.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
