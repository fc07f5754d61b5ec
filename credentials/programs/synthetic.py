"""Synthetic training programs for benchmarks: invented, marked is_synthetic and source
"synthetic", placed at random Census ZCTA centroids across the country."""

import random
from datetime import date
from typing import Any

from django.db import connection
from django.utils import timezone

from pathways.publicdata.models import Zcta

from ..models import Provider, ProviderKind
from .models import Program, ProgramSource
from .services import program_search_refresh, search_text_build

PROGRAMS_PER_PROVIDER = 20
_TOPICS = [
    ("11.1003", "Cybersecurity Support Technician", "CompTIA Security+"),
    ("11.1006", "IT Help Desk Specialist", "CompTIA A+"),
    ("11.0901", "Network Administration", "CompTIA Network+"),
    ("11.0801", "Web Development Bootcamp", ""),
    ("11.0701", "Software Development with Python", ""),
    ("11.0802", "Data Analytics Certificate", ""),
    ("11.1002", "Cloud Computing Fundamentals", "AWS Certified Cloud Practitioner"),
    ("52.1201", "Business Information Systems", "MOS - Microsoft Office Specialist"),
]


def programs_generate(*, count: int, seed: int, rng: random.Random) -> str:
    """Add `count` synthetic programs (numbered after earlier runs with the same seed)."""
    from ..synthetic import _copy_rows

    if count <= 0:
        return "no synthetic programs asked for"
    points = list(Zcta.objects.values_list("code", "latitude", "longitude"))
    if not points:
        return "no synthetic programs: load ZCTA centroids first (load_zcta)"
    prefix = f"syn-s{seed}-"
    start = Program.objects.filter(source=ProgramSource.SYNTHETIC, external_id__startswith=prefix)
    start_at = start.count()
    providers: list[dict[str, Any]] = []
    for number in range(max(1, count // PROGRAMS_PER_PROVIDER)):
        code, lat, lon = rng.choice(points)
        providers.append(
            {
                "name": f"Synthetic Training Center {start_at + number} (made up)",
                "slug": f"synthetic-program-provider-s{seed}-{start_at + number}",
                "kind": ProviderKind.NONPROFIT,
                "states_served": [],
                "zip_code": code,
                "external_key": f"synthetic:s{seed}:{start_at + number}",
                "is_synthetic": True,
                "_point": (code, lat, lon),
            }
        )
    points_by_provider = [p.pop("_point") for p in providers]
    _copy_rows(Provider, providers)
    rows: list[dict[str, Any]] = []
    now = timezone.now()
    for i in range(count):
        which = rng.randrange(len(providers))
        provider, (code, lat, lon) = providers[which], points_by_provider[which]
        cip, title, credential = rng.choice(_TOPICS)
        tuition = rng.randrange(0, 16000, 50)
        fees = rng.randrange(0, 500, 25)
        employed = round(rng.uniform(30, 95), 1) if rng.random() < 0.5 else None
        wage = rng.randrange(3000, 16000) if employed is not None else None
        withheld = [] if employed is not None or rng.random() < 0.5 else ["employed_q2_pct"]
        name = f"{title} {start_at + i}"
        rows.append(
            {
                "source": ProgramSource.SYNTHETIC,
                "external_id": f"{prefix}{start_at + i}",
                "source_date": date(2026, 1, 1),
                "name": name,
                "provider_id": provider["id"],
                "cip_code": cip,
                "cip_title": title,
                "city": "Synthetic",
                "zip_code": code,
                "latitude": lat,
                "longitude": lon,
                "online": rng.random() < 0.2,
                "tuition_usd": tuition,
                "fees_usd": fees,
                "total_cost_usd": tuition + fees,
                "clock_hours": rng.randrange(40, 1500, 10),
                "calendar_length": rng.randrange(4, 9),
                "evening_courses": rng.random() < 0.5,
                "weekend_courses": rng.random() < 0.2,
                "part_time": rng.random() < 0.3,
                "childcare": rng.random() < 0.15,
                "transit_access": rng.random() < 0.6,
                "job_placement": rng.random() < 0.7,
                "wheelchair_access": rng.random() < 0.7,
                "languages": ["es"] if rng.random() < 0.3 else [],
                "credential_earned": credential,
                "wioa_eligible": rng.random() < 0.6,
                "in_demand": rng.random() < 0.5,
                "has_outcomes": employed is not None or bool(withheld),
                "outcome_source": "Synthetic outcomes (made up for testing)" if employed else "",
                "employed_q2_pct": employed,
                "wage_q2_usd": wage,
                "employment_rate_pct": employed,
                "earnings_usd": wage * 4 if wage else None,
                "withheld": withheld,
                "search_text": search_text_build(name, provider["name"], credential),
                "is_synthetic": True,
                "updated_at": now,
            }
        )
    _copy_rows(Program, rows)
    program_search_refresh(source=ProgramSource.SYNTHETIC, since=now)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE credentials_program")
        cursor.execute("ANALYZE credentials_provider")
    return f"{count} synthetic programs from {len(providers)} synthetic providers"
