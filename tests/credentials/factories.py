"""Factories for the catalog (and the few lower/upper-layer rows its tests need)."""

from datetime import date
from decimal import Decimal

import factory

from credentials.models import (
    Category,
    CostItem,
    CostKind,
    Credential,
    CredentialType,
    OutcomeReport,
    OutcomeVocabulary,
    Provider,
    ProviderKind,
)
from pathways.models import FundingKind, FundingSource, Occupation


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ("soc_code",)

    soc_code = factory.Sequence(lambda n: f"15-{1200 + n:04d}")
    title = factory.Sequence(lambda n: f"Test occupation {n}")
    median_annual_wage = 100_000
    wage_vintage = "May 2024"
    wage_source_url = "https://www.bls.gov/oes/"


class FundingSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingSource
        django_get_or_create = ("slug",)

    slug = "wioa-ita"
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    kind = FundingKind.WIOA_ITA


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Provider {n}")
    slug = factory.Sequence(lambda n: f"provider-{n}")
    kind = ProviderKind.CERTIFICATION_BODY


class CredentialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credential

    name = factory.Sequence(lambda n: f"Credential {n}")
    slug = factory.Sequence(lambda n: f"credential-{n}")
    provider = factory.SubFactory(ProviderFactory)
    credential_type = CredentialType.CERTIFICATION
    category = Category.IT_SUPPORT
    delivery = factory.LazyFunction(lambda: ["online"])
    languages = factory.LazyFunction(lambda: ["en"])
    summary_en = "A plain summary."


class CostItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostItem

    credential = factory.SubFactory(CredentialFactory)
    kind = CostKind.EXAM_FEE
    amount_min_usd = Decimal("100")
    amount_max_usd = factory.SelfAttribute("amount_min_usd")
    source_url = "https://example.org/price"
    source_date = "2026-06"
    confidence = "secondary"


class OutcomeReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeReport

    credential = factory.SubFactory(CredentialFactory)
    vocabulary = OutcomeVocabulary.CIRR
    period = "2025 H1"
    employed_in_field_180_days_pct = Decimal("70")
    median_starting_salary_usd = 60_000
    source_name = "CIRR report"
    source_url = "https://example.org/cirr"


def certify(credential, *, status="certified", decided_on=date(2026, 1, 1), expires_on=None):
    """Record a task-force decision in the alliance tables (the index reads them by SQL)."""
    from alliance.models import CertificationDecision

    return CertificationDecision.objects.create(
        credential=credential, status=status, decided_on=decided_on, expires_on=expires_on
    )


def recognize(credential, *, member_slug, kind="requires"):
    from alliance.models import CredentialRecognition, Member

    member, _ = Member.objects.get_or_create(
        slug=member_slug,
        defaults={"name": member_slug.title(), "kind": "employer", "size": "large"},
    )
    return CredentialRecognition.objects.create(
        member=member, credential=credential, kind=kind, stated_on=date(2026, 2, 1)
    )
