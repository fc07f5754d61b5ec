"""Synthetic catalog for benchmarks: invented providers, credentials, costs and outcomes.

Everything made here has is_synthetic=True and is labelled on the pages. Credentials link to the
real occupations and funding sources already loaded. Each run adds options["credentials"] new
credentials (numbered after the ones an earlier run with the same seed made).
"""

import csv
import datetime
import io
import random
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

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
from .programs.synthetic import programs_generate
from .services import comparison_index_refresh

Row = dict[str, Any]

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


def _copy_cell(value: Any) -> str:
    """One value as Postgres reads it in a CSV COPY with NULL '\\N'."""
    if type(value) is str:  # most cells; checked first because this runs a million times
        return value
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list | tuple):
        return "{" + ",".join('"' + str(v).replace('"', '\\"') + '"' for v in value) + "}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _copy(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write rows with one COPY (about 10x bulk_create's speed, DESIGN.md)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([_copy_cell(v) for v in row])
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')",
            buffer,
        )


def _copy_rows(model: type[models.Model], rows: list[Row]) -> None:
    """COPY rows given as {column: value}, each given an "id" from the table's sequence first.

    Plain dicts, not model instances: building 50,000 instances (with modeltranslation) took
    longer than writing them. Columns a row leaves out get the field's default, with "" for
    text (as the model would store it).
    """
    if not rows:
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, len(rows)],
        )
        for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
            row["id"] = pk
    defaults: dict[str, Any] = {
        str(field.column): "" if field.empty_strings_allowed and field.get_default() is None
        else field.get_default()
        for field in model._meta.concrete_fields
        if not field.primary_key
    }  # fmt: skip
    columns: list[str] = ["id", *defaults]
    _copy(table, columns, ([row.get(c, defaults.get(c)) for c in columns] for row in rows))


def _providers(count: int, prefix: str, rng: random.Random) -> list[Row]:
    kinds = list(ProviderKind.values)
    providers = [
        {
            "name": f"Synthetic Academy {prefix.upper()}-{i}",
            "slug": f"{prefix}-provider-{i}",
            "kind": rng.choice(kinds),
            "states_served": rng.sample(_STATES, rng.choice([0, 0, 1, 2, 3])),
            "is_synthetic": True,
        }
        for i in range(count)
    ]
    _copy_rows(Provider, providers)
    return providers


def _credential(i: int, prefix: str, provider: Row, rng: random.Random, now: Any) -> Row:
    category = rng.choice(list(_TOPICS))
    topic = rng.choice(_TOPICS[category])
    credential_type = rng.choice(list(CredentialType.values))
    label = CredentialType(credential_type).label
    languages = rng.choices([["en"], ["en", "es"], ["es"]], weights=[75, 20, 5])[0]
    delivery = rng.sample(list(Delivery.values), rng.choice([1, 1, 2]))
    weeks = Decimal(rng.choice([4, 6, 8, 10, 12, 16, 24, 26, 36, 52, 104]))
    summary_en = (
        f"Made up for testing: a {label.lower()} in {topic.lower()} that takes {weeks} weeks."
    )
    return {
        "name": f"{topic} {label} {i}",
        "slug": f"{prefix}-{i}",
        "provider_id": provider["id"],
        "credential_type": credential_type,
        "category": category,
        "level": rng.choice(list(Level.values)),
        "delivery": delivery,
        "languages": languages,
        "duration_weeks": weeks,
        "hours_per_week": Decimal(rng.choice([5, 10, 20, 40])),
        # The untranslated column holds the default language's text, as modeltranslation keeps it.
        "summary": summary_en,
        "summary_en": summary_en,
        "summary_es": f"Inventado para pruebas: un programa de {topic.lower()} que dura "
        f"{weeks} semanas.",
        "status": CredentialStatus.PUBLISHED.value,
        "is_synthetic": True,
        "created_at": now,
        "updated_at": now,
    }


def _cost_items(credential: Row, rng: random.Random) -> list[Row]:
    common = {"credential_id": credential["id"], "source_date": "synthetic", "is_synthetic": True}
    if credential["credential_type"] in (CredentialType.CERTIFICATION, CredentialType.BADGE):
        fee = Decimal(rng.randrange(75, 1000, 5))
        attempts = rng.choice([1, 1, 2])
        return [
            {"kind": CostKind.EXAM_FEE.value, "amount_min_usd": fee, "amount_max_usd": fee,
             "unit": CostUnit.PER_ATTEMPT.value, "count": attempts, **common}
        ]  # fmt: skip
    tuition = Decimal(rng.randrange(0, 20000, 50))
    spread = rng.choice([0, 0, 500, 1500])
    items = [
        {"kind": CostKind.TUITION.value, "amount_min_usd": tuition,
         "amount_max_usd": tuition + spread, **common}
    ]  # fmt: skip
    if rng.random() < 0.4:
        books = Decimal(rng.randrange(50, 1200, 10))
        items.append(
            {"kind": CostKind.MATERIALS.value, "amount_min_usd": books,
             "amount_max_usd": books, **common}
        )  # fmt: skip
    return items


def _outcome(credential: Row, rng: random.Random) -> Row:
    statement = "Synthetic figures made up for testing."
    return {
        "credential_id": credential["id"],
        "vocabulary": OutcomeVocabulary.CIRR.value,
        "period": "2025 cohort (synthetic)",
        "enrolled": rng.randrange(10, 400),
        "graduated_on_time_pct": Decimal(rng.randrange(30, 95)),
        "graduated_150_pct": Decimal(rng.randrange(50, 98)),
        "employed_in_field_180_days_pct": Decimal(rng.randrange(20, 95)),
        "median_starting_salary_usd": rng.randrange(32000, 110000, 500),
        "statement": statement,
        "statement_en": statement,
        "source_name": "Synthetic (made up for testing)",
        "audited": False,
        "is_synthetic": True,
    }


@transaction.atomic
def generate(*, options: dict[str, Any], rng: random.Random) -> str:
    """Add options['credentials'] synthetic credentials with costs, outcomes and links; reindex.

    Rows are made as plain values and written with COPY (50,000 credentials in seconds, then the
    index rebuild).
    """
    programs = programs_generate(
        count=int(options.get("programs") or 0), seed=int(options.get("seed") or 1), rng=rng
    )
    count = int(options.get("credentials") or 0)
    if count <= 0:
        return f"no synthetic credentials asked for; {programs}"
    prefix = f"synthetic-s{options.get('seed', 1)}"
    start = Credential.objects.filter(slug__startswith=f"{prefix}-", is_synthetic=True).count()
    run_prefix = f"{prefix}-r{start}"
    now = timezone.now()
    providers = _providers(max(1, count // CREDENTIALS_PER_PROVIDER), run_prefix, rng)
    credentials = [
        _credential(start + i, prefix, rng.choice(providers), rng, now) for i in range(count)
    ]
    _copy_rows(Credential, credentials)
    costs = [item for c in credentials for item in _cost_items(c, rng)]
    _copy_rows(CostItem, costs)
    outcomes = [_outcome(c, rng) for c in credentials if rng.random() < 0.4]
    _copy_rows(OutcomeReport, outcomes)

    occupations = {o.soc_code: o.pk for o in Occupation.objects.only("pk", "soc_code")}
    funding = {f.slug: f.pk for f in FundingSource.objects.only("pk", "slug")}
    occupation_links = []
    funding_links = []
    for c in credentials:
        codes = [code for code in _SOC_BY_CATEGORY[c["category"]] if code in occupations]
        for code in rng.sample(codes, min(len(codes), rng.choice([1, 2]))):
            occupation_links.append((c["id"], occupations[code]))
        slugs = [s for s in _FUNDING if s in funding]
        for slug in rng.sample(slugs, min(len(slugs), rng.choice([0, 1, 2]))):
            funding_links.append((c["id"], funding[slug]))
    _copy(
        Credential.occupations.through._meta.db_table,  # type: ignore[attr-defined]
        ["credential_id", "occupation_id"],
        occupation_links,
    )
    _copy(
        Credential.funding_sources.through._meta.db_table,  # type: ignore[attr-defined]
        ["credential_id", "fundingsource_id"],
        funding_links,
    )
    with connection.cursor() as cursor:
        # Fresh statistics, so the rebuild's plan knows the tables now hold 50,000 more rows.
        cursor.execute(
            "ANALYZE credentials_provider, credentials_credential, credentials_costitem, "
            "credentials_outcomereport, credentials_credential_occupations, "
            "credentials_credential_funding_sources"
        )
    indexed = comparison_index_refresh()
    return (
        f"{count} synthetic credentials from {len(providers)} synthetic providers, "
        f"{len(costs)} cost items, {len(outcomes)} synthetic outcome reports; "
        f"{indexed} rows in the comparison index; {programs}"
    )
