"""Synthetic catalog for benchmarks: invented providers, credentials, costs and outcomes.

Everything made here has is_synthetic=True and is labelled on the pages. Credentials link to the
real occupations and funding sources already loaded. Each run adds options["credentials"] new
credentials (numbered after the ones an earlier run with the same seed made).
"""

import random
from decimal import Decimal
from typing import Any

from django.db import transaction

from pathways.models import FundingSource, Occupation

from .models import (
    Category,
    CostItem,
    CostKind,
    CostUnit,
    Credential,
    CredentialStatus,
    CredentialType,
    Delivery,
    Level,
    OutcomeReport,
    OutcomeVocabulary,
    Provider,
    ProviderKind,
)
from .services import comparison_index_refresh

BATCH = 2000
CREDENTIALS_PER_PROVIDER = 25

_TOPICS: dict[str, list[str]] = {
    Category.CYBERSECURITY: [
        "Security Operations",
        "Cyber Defense",
        "Incident Response",
        "Ethical Hacking",
    ],
    Category.IT_SUPPORT: ["Help Desk", "Desktop Support", "IT Fundamentals", "Technical Support"],
    Category.NETWORKING: ["Network Administration", "Routing and Switching", "Wireless Networks"],
    Category.CLOUD: ["Cloud Operations", "Cloud Architecture", "DevOps Foundations"],
    Category.WEB_DEVELOPMENT: ["Front-End Web", "Full-Stack Web", "Responsive Design"],
    Category.SOFTWARE_DEVELOPMENT: [
        "Software Engineering",
        "Java Programming",
        "Python Programming",
    ],
    Category.DATA: ["Data Analytics", "SQL and Reporting", "Machine Learning Basics"],
    Category.UX: ["UX Research", "Interface Design"],
}
_SOC_BY_CATEGORY: dict[str, list[str]] = {
    Category.CYBERSECURITY: ["15-1212", "15-1244"],
    Category.IT_SUPPORT: ["15-1232", "15-1231"],
    Category.NETWORKING: ["15-1231", "15-1241", "15-1244"],
    Category.CLOUD: ["15-1244", "15-1241", "15-1299"],
    Category.WEB_DEVELOPMENT: ["15-1254", "15-1255"],
    Category.SOFTWARE_DEVELOPMENT: ["15-1252", "15-1253"],
    Category.DATA: ["15-2051", "15-1211", "15-1242"],
    Category.UX: ["15-1255"],
}
_STATES = ["CA", "TX", "NY", "FL", "IL", "PA", "OH", "GA", "NC", "MI", "VA", "WA", "AZ", "CO"]
_FUNDING = ["wioa-ita", "employer-educational-assistance", "scholarships", "pell-grant"]


def _providers(count: int, prefix: str, rng: random.Random) -> list[Provider]:
    kinds = list(ProviderKind.values)
    providers = [
        Provider(
            name=f"Synthetic Academy {prefix.upper()}-{i}",
            slug=f"{prefix}-provider-{i}",
            kind=rng.choice(kinds),
            states_served=rng.sample(_STATES, rng.choice([0, 0, 1, 2, 3])),
            is_synthetic=True,
        )
        for i in range(count)
    ]
    return Provider.objects.bulk_create(providers, batch_size=BATCH)


def _credential(i: int, prefix: str, provider: Provider, rng: random.Random) -> Credential:
    category = rng.choice(list(_TOPICS))
    topic = rng.choice(_TOPICS[category])
    credential_type = rng.choice(list(CredentialType.values))
    label = CredentialType(credential_type).label
    languages = rng.choices([["en"], ["en", "es"], ["es"]], weights=[75, 20, 5])[0]
    delivery = rng.sample(list(Delivery.values), rng.choice([1, 1, 2]))
    weeks = Decimal(rng.choice([4, 6, 8, 10, 12, 16, 24, 26, 36, 52, 104]))
    return Credential(
        name=f"{topic} {label} {i}",
        slug=f"{prefix}-{i}",
        provider=provider,
        credential_type=credential_type,
        category=category,
        level=rng.choice(list(Level.values)),
        delivery=delivery,
        languages=languages,
        duration_weeks=weeks,
        hours_per_week=Decimal(rng.choice([5, 10, 20, 40])),
        summary_en=f"Made up for testing: a {label.lower()} in {topic.lower()} that takes "
        f"{weeks} weeks.",
        summary_es=f"Inventado para pruebas: un programa de {topic.lower()} que dura "
        f"{weeks} semanas.",
        status=CredentialStatus.PUBLISHED,
        is_synthetic=True,
    )


def _cost_items(credential: Credential, rng: random.Random) -> list[CostItem]:
    common = {"credential": credential, "source_date": "synthetic", "is_synthetic": True}
    if credential.credential_type in (CredentialType.CERTIFICATION, CredentialType.BADGE):
        fee = Decimal(rng.randrange(75, 1000, 5))
        attempts = rng.choice([1, 1, 2])
        return [
            CostItem(kind=CostKind.EXAM_FEE, amount_min_usd=fee, amount_max_usd=fee,
                     unit=CostUnit.PER_ATTEMPT, count=attempts, **common)
        ]  # fmt: skip
    tuition = Decimal(rng.randrange(0, 20000, 50))
    spread = rng.choice([0, 0, 500, 1500])
    items = [
        CostItem(kind=CostKind.TUITION, amount_min_usd=tuition,
                 amount_max_usd=tuition + spread, **common)
    ]  # fmt: skip
    if rng.random() < 0.4:
        books = Decimal(rng.randrange(50, 1200, 10))
        items.append(
            CostItem(kind=CostKind.MATERIALS, amount_min_usd=books, amount_max_usd=books, **common)
        )
    return items


def _outcome(credential: Credential, rng: random.Random) -> OutcomeReport:
    return OutcomeReport(
        credential=credential,
        vocabulary=OutcomeVocabulary.CIRR,
        period="2025 cohort (synthetic)",
        enrolled=rng.randrange(10, 400),
        graduated_on_time_pct=Decimal(rng.randrange(30, 95)),
        graduated_150_pct=Decimal(rng.randrange(50, 98)),
        employed_in_field_180_days_pct=Decimal(rng.randrange(20, 95)),
        median_starting_salary_usd=rng.randrange(32000, 110000, 500),
        statement_en="Synthetic figures made up for testing.",
        source_name="Synthetic (made up for testing)",
        audited=False,
        is_synthetic=True,
    )


@transaction.atomic
def generate(*, options: dict[str, Any], rng: random.Random) -> str:
    """Add options['credentials'] synthetic credentials with costs, outcomes and links; reindex."""
    count = int(options.get("credentials") or 0)
    if count <= 0:
        return "no synthetic credentials asked for"
    prefix = f"synthetic-s{options.get('seed', 1)}"
    start = Credential.objects.filter(slug__startswith=f"{prefix}-", is_synthetic=True).count()
    run_prefix = f"{prefix}-r{start}"
    providers = _providers(max(1, count // CREDENTIALS_PER_PROVIDER), run_prefix, rng)
    credentials = Credential.objects.bulk_create(
        (_credential(start + i, prefix, rng.choice(providers), rng) for i in range(count)),
        batch_size=BATCH,
    )
    costs = [item for c in credentials for item in _cost_items(c, rng)]
    CostItem.objects.bulk_create(costs, batch_size=BATCH)
    outcomes = [_outcome(c, rng) for c in credentials if rng.random() < 0.4]
    OutcomeReport.objects.bulk_create(outcomes, batch_size=BATCH)

    occupations = {o.soc_code: o.pk for o in Occupation.objects.only("pk", "soc_code")}
    funding = {f.slug: f.pk for f in FundingSource.objects.only("pk", "slug")}
    occupation_links = []
    funding_links = []
    OccupationLink: Any = Credential.occupations.through
    FundingLink: Any = Credential.funding_sources.through
    for c in credentials:
        codes = [code for code in _SOC_BY_CATEGORY[c.category] if code in occupations]
        for code in rng.sample(codes, min(len(codes), rng.choice([1, 2]))):
            occupation_links.append(
                OccupationLink(credential_id=c.pk, occupation_id=occupations[code])
            )
        slugs = [s for s in _FUNDING if s in funding]
        for slug in rng.sample(slugs, min(len(slugs), rng.choice([0, 1, 2]))):
            funding_links.append(FundingLink(credential_id=c.pk, fundingsource_id=funding[slug]))
    OccupationLink.objects.bulk_create(occupation_links, batch_size=BATCH)
    FundingLink.objects.bulk_create(funding_links, batch_size=BATCH)
    indexed = comparison_index_refresh()
    return (
        f"{count} synthetic credentials from {len(providers)} synthetic providers, "
        f"{len(costs)} cost items, {len(outcomes)} synthetic outcome reports; "
        f"{indexed} rows in the comparison index"
    )
