"""Load the 52 real credentials of data/tech_credentials.csv (see data/README.md), idempotently.

Every figure keeps the file's source URL, source date and confidence. Nothing is guessed: an
empty price gives no cost item (the page says "not published"), outcomes come only from the
file's `outcomes` column.

Funding links follow these rules (shown to users as "may pay", never as a promise):
- registered-apprenticeship: credentials of type apprenticeship (a paid job; nothing to pay).
- employer-educational-assistance: every credential the learner pays for (IRC §127 plans may
  pay for any course, job-related or not); not free, stipend or employer-paid programs.
- wioa-ita: tuition-priced programs of colleges and bootcamps, which can be on a state's
  Eligible Training Provider List; the page says it depends on that listing.
- pell-grant: diploma and associate-degree programs of community and technical colleges
  (Title IV schools); not non-credit workforce certificates.
- scholarships: where the file's price notes mention scholarships or financial aid.
- workforce-pell, vet-tec, gi-bill: no links; the file gives no fact that ties a program to
  them (Workforce Pell needs a governor-approved program; VET TEC is closed).
"""

import csv
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.text import slugify

from pathways.models import Confidence, EducationLevel, FundingSource, Occupation

from .models import (
    CostItem,
    CostKind,
    CostUnit,
    Credential,
    CredentialStatus,
    CredentialType,
    Delivery,
    OutcomeReport,
    OutcomeVocabulary,
    PriceModel,
    Provider,
    ProviderKind,
)
from .programs.services import providers_scorecard_match

CSV_PATH = Path(settings.BASE_DIR) / "data" / "tech_credentials.csv"

PROVIDER_KINDS = {
    "certification body": ProviderKind.CERTIFICATION_BODY,
    "bootcamp": ProviderKind.BOOTCAMP,
    "online platform": ProviderKind.ONLINE_PLATFORM,
    "community college": ProviderKind.COMMUNITY_COLLEGE,
    "nonprofit": ProviderKind.NONPROFIT,
    "employer": ProviderKind.EMPLOYER,
    "apprenticeship sponsor": ProviderKind.APPRENTICESHIP_SPONSOR,
    "university": ProviderKind.UNIVERSITY,
}

# The file's own wording, mapped to the catalog's vocabulary; the wording is kept as well.
CREDENTIAL_TYPES = {
    "certification": CredentialType.CERTIFICATION,
    "professional certificate": CredentialType.PROFESSIONAL_CERTIFICATE,
    "bootcamp certificate": CredentialType.BOOTCAMP_CERTIFICATE,
    "certificate of completion (project-based)": CredentialType.CERTIFICATE,
    "apprenticeship certificate": CredentialType.APPRENTICESHIP,
    "none (free curriculum; no certificate)": CredentialType.CURRICULUM,
    "training certificate + industry certifications": CredentialType.TRAINING_PROGRAM,
    "training program with internship (college credit)": CredentialType.TRAINING_PROGRAM,
    "training certificate; apprenticeship placement": CredentialType.TRAINING_PROGRAM,
    "diploma (technical college)": CredentialType.DIPLOMA,
    "associate degree (AAS)": CredentialType.ASSOCIATE_DEGREE,
    "non-credit workforce certificate + industry certifications": CredentialType.CERTIFICATE,
}

# Only where the file names the place (data/README.md: "Oconee Fall Line Technical College GA,
# NOVA Workforce VA"); every other provider is left without states (national or online).
PROVIDER_STATES = {
    "Oconee Fall Line Technical College": ["GA"],
    "Northern Virginia Community College (NOVA Workforce)": ["VA"],
}

# Outcome figures, taken only from the file's `outcomes` column (statements copied verbatim);
# numbers are filled in only where the statement gives them, in the field matching their meaning.
OUTCOMES: dict[str, list[dict[str, object]]] = {
    "google-it-support": [
        {
            "period": "reported 2020",
            "source_name": "Google survey, reported by u2b.com",
            "source_url": "https://u2b.com/2020/09/02/google-set-to-offer-100000-scholarships-for-disruptive-certificate-programme/",
            "source_date": "2020-09-02",
            "self_reported": True,
        }
    ],
    "flatiron-school-software-engineering": [
        {
            "period": "2015 Jobs Report",
            "reported_employment_pct": Decimal("98"),
            "reported_salary_usd": 74447,
            "reported_salary_is_average": True,
            "audited": False,
            "source_name": "HigherEdDive; NY Attorney General (2017 settlement)",
            "source_url": "https://highereddive.com/news/flatiron-school-jobs-report-shows-98-employment-high-starting-salaries/410446",
            "source_date": "2017-10-13 (Attorney General statement)",
        }
    ],
    "hack-reactor-software-engineering": [
        {
            "period": "not stated on the stored page",
            "reported_employment_pct": Decimal("98"),
            "reported_salary_usd": 104000,
            "reported_salary_is_average": True,
            "audited": True,
            "source_name": "Hack Reactor blog (hackreactor.com)",
            "source_url": "",
            "source_date": "not shown",
        }
    ],
    "year-up": [
        {
            "period": "seventh year after random assignment",
            "source_name": "Results for America (randomized controlled trial summary)",
            "source_url": "https://catalog.results4america.org/programs/year-up",
            "source_date": "not shown",
            "statement": "RCT evidence summarized by Results for America: in the seventh year "
            "after random assignment, participants earned on average $8,251 more than the "
            "control group.",
        },
        {
            "period": "four months after graduation (PACE evaluation)",
            "reported_employment_pct": Decimal("83"),
            "source_name": "Giving Compass (PACE evaluation summary)",
            "source_url": "https://givingcompass.org/article/implementation-early-impacts-year-program",
            "source_date": "not shown",
            "statement": "PACE evaluation (summarized by Giving Compass): 83% of graduates "
            "employed four months after graduation.",
        },
    ],
    "launchcode": [
        {
            "period": "2020",
            "source_name": "KSDK (2021)",
            "source_url": "https://www.ksdk.com/article/news/local/st-louis-tech-training-organization-applicants-great-resignation-pandemic/63-109b2d86-6425-4c38-b62f-cb7e9039e901",
            "source_date": "2021",
        }
    ],
}


def _decimal(value: str) -> Decimal | None:
    value = value.strip()
    return Decimal(value) if value else None


def _delivery(value: str) -> list[str]:
    allowed = set(Delivery.values)
    return [part for part in (p.strip() for p in value.split(";")) if part in allowed]


def _exam_required(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value.strip())


def _prerequisite_education(text: str) -> str:
    if re.search(r"high[- ]school diploma|GED", text, re.IGNORECASE):
        return EducationLevel.HIGH_SCHOOL
    return ""


def _cost_items(row: dict[str, str]) -> list[dict[str, object]]:
    """Split the file's price into items whose amount x count adds up to the file's totals."""
    total_min = _decimal(row["price_total_min_usd"])
    total_max = _decimal(row["price_total_max_usd"])
    if total_min is None or total_max is None:
        return []  # nothing published: never invent a price
    common = {
        "source_url": row["price_source_url"],
        "source_date": row["price_source_date"],
        "confidence": row["price_confidence"] or Confidence.UNCONFIRMED,
        "note": row["price_includes"],
    }
    model = row["price_model"]
    tuition = _decimal(row["tuition_usd"])
    monthly = _decimal(row["subscription_usd_per_month"])
    months = int(row["typical_months"] or 0)
    if model == "subscription" and monthly is not None and months:
        return [
            dict(common, kind=CostKind.SUBSCRIPTION, amount_min_usd=monthly,
                 amount_max_usd=monthly, unit=CostUnit.PER_MONTH, count=months)
        ]  # fmt: skip
    if tuition is not None and total_min > tuition:
        rest_kind = (
            CostKind.MATERIALS if "book" in row["price_includes"].lower() else CostKind.OTHER
        )
        return [
            dict(common, kind=CostKind.TUITION, amount_min_usd=tuition, amount_max_usd=tuition),
            dict(common, kind=rest_kind, amount_min_usd=total_min - tuition,
                 amount_max_usd=total_max - tuition),
        ]  # fmt: skip
    if model in ("exam_fee",) or (model == "free" and row["exam_fee_usd"]):
        exams = int(row["exams_required"] or 1)
        return [
            dict(common, kind=CostKind.EXAM_FEE, amount_min_usd=total_min / exams,
                 amount_max_usd=total_max / exams, unit=CostUnit.PER_ATTEMPT, count=exams)
        ]  # fmt: skip
    return [dict(common, kind=CostKind.TUITION, amount_min_usd=total_min, amount_max_usd=total_max)]


def _funding_slugs(row: dict[str, str], credential_type: str, provider_kind: str) -> set[str]:
    """Apply the funding rules in this module's docstring."""
    slugs = set()
    model = row["price_model"]
    if credential_type == CredentialType.APPRENTICESHIP:
        slugs.add("registered-apprenticeship")
    if model not in (PriceModel.FREE, PriceModel.FREE_WITH_STIPEND, PriceModel.EMPLOYER_PAID):
        slugs.add("employer-educational-assistance")
    if model == PriceModel.TUITION and provider_kind in (
        ProviderKind.COMMUNITY_COLLEGE,
        ProviderKind.BOOTCAMP,
    ):
        slugs.add("wioa-ita")
    if provider_kind == ProviderKind.COMMUNITY_COLLEGE and credential_type in (
        CredentialType.DIPLOMA,
        CredentialType.ASSOCIATE_DEGREE,
    ):
        slugs.add("pell-grant")
    if re.search(r"scholarship|financial aid", row["price_notes"], re.IGNORECASE):
        slugs.add("scholarships")
    return slugs


def _provider(row: dict[str, str], cache: dict[str, Provider]) -> Provider:
    issuer = row["issuer"]
    if issuer not in cache:
        official = urlsplit(row["official_url"])
        cache[issuer], _ = Provider.objects.update_or_create(
            slug=slugify(issuer)[:120],
            defaults={
                "name": issuer,
                "kind": PROVIDER_KINDS[row["provider_kind"]],
                "website": f"{official.scheme}://{official.netloc}/" if official.netloc else "",
                "states_served": PROVIDER_STATES.get(issuer, []),
                "is_synthetic": False,
            },
        )
    return cache[issuer]


def load() -> str:
    """Create or update the 52 credentials, their costs, outcomes and links; rebuild the index."""
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    occupations = {o.soc_code: o for o in Occupation.objects.all()}
    funding = {f.slug: f for f in FundingSource.objects.all()}
    providers: dict[str, Provider] = {}
    unlinked_codes: set[str] = set()
    costs = outcomes = 0
    for row in rows:
        provider = _provider(row, providers)
        credential_type = CREDENTIAL_TYPES[row["credential_type"]]
        items = _cost_items(row)
        weeks = _decimal(row["duration_weeks"])
        hours = _decimal(row["duration_hours"])
        credential, _ = Credential.objects.update_or_create(
            slug=row["id"],
            defaults={
                "name": row["name"],
                "provider": provider,
                "credential_type": credential_type,
                "type_as_published": row["credential_type"],
                "category": row["category"],
                "level": row["level"],
                "delivery": _delivery(row["delivery"]),
                "languages": [],  # the file does not state the language of instruction
                "duration_weeks": weeks,
                "total_hours": int(hours) if hours else None,
                "duration_note_en": row["duration_note"],
                "exam_required": _exam_required(row["exam_required"]),
                "exams_required": int(row["exams_required"]) if row["exams_required"] else None,
                "renewal_rule_en": row["renewal_rule"],
                "prerequisites_en": row["prerequisites"],
                "prerequisite_education": _prerequisite_education(row["prerequisites"]),
                "price_model": row["price_model"],
                "price_notes_en": row["price_notes"],
                "notes_en": row["notes"],
                # Written by the portal team in plain words (grade 6 or lower); its Spanish
                # and other languages come from data/translations/<lang>.csv.
                "summary_en": row["plain_summary"],
                "official_url": row["official_url"],
                "other_sources": row["other_sources"],
                "compiled_on": row["compiled_on"] or None,
                "status": CredentialStatus.PUBLISHED,
                "is_synthetic": False,
            },
        )
        credential.cost_items.all().delete()
        CostItem.objects.bulk_create(CostItem(credential=credential, **item) for item in items)
        costs += len(items)
        credential.outcome_reports.all().delete()
        for spec in OUTCOMES.get(credential.slug, []):
            spec = dict(spec)
            # A row with two findings is split into two reports, each sentence as published.
            text = spec.pop("statement", row["outcomes"])
            OutcomeReport.objects.create(
                credential=credential, vocabulary=OutcomeVocabulary.OTHER, statement_en=text, **spec
            )
            outcomes += 1
        codes = [c.strip() for c in row["soc_codes"].split(";") if c.strip()]
        unlinked_codes.update(c for c in codes if c not in occupations)
        credential.occupations.set([occupations[c] for c in codes if c in occupations])
        slugs = _funding_slugs(row, credential_type, provider.kind)
        credential.funding_sources.set([funding[s] for s in sorted(slugs) if s in funding])
    # A catalog provider that is a College Scorecard school (exact name, once) takes federal aid.
    providers_scorecard_match()
    # The rows are marked stale as they are saved; load_sample_data refreshes the index last.
    summary = (
        f"{len(rows)} credentials from {len(providers)} providers, {costs} cost items, "
        f"{outcomes} outcome reports"
    )
    if unlinked_codes:
        summary += f"; occupations not loaded yet: {', '.join(sorted(unlinked_codes))}"
    return summary
