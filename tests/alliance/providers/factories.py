"""factory_boy factories for the providers' tests."""

import io
from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from alliance.providers import services
from alliance.providers.models import (
    OutcomeVocabulary,
    ProgramSubmission,
    ProviderAccount,
    ProviderInvitation,
)
from credentials.models import ProviderKind

from ..factories import OccupationFactory, ProviderFactory, UserFactory


class ProviderAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderAccount

    user = factory.SubFactory(UserFactory)
    provider = factory.SubFactory(ProviderFactory, kind=ProviderKind.BOOTCAMP)


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramSubmission

    provider = factory.SubFactory(ProviderFactory, kind=ProviderKind.BOOTCAMP)
    name = factory.Sequence(lambda n: f"Program {n}")
    occupation = factory.SubFactory(OccupationFactory, in_tech_family=True)
    cip_code = "11.1006"
    online = True
    duration_weeks = Decimal(12)
    total_cost_usd = Decimal(3000)
    vocabulary = OutcomeVocabulary.CIRR
    period = "Graduates of 2025"
    employed_in_field_180_days_pct = Decimal("70.0")
    median_starting_salary_usd = 52000
    enrolled = 40


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderInvitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    kind = ProviderKind.BOOTCAMP
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


PDF = b"%PDF-1.7\n%test\n"


def evidence_add(account, submission):  # type: ignore[no-untyped-def]
    """One small PDF of evidence, sent by the provider's person."""
    return services.evidence_add(
        actor=account.user, submission=submission, upload=io.BytesIO(PDF), filename="proof.pdf"
    )


def approve_verified(*, account, submission, reviewer):  # type: ignore[no-untyped-def]
    """Evidence, then the task force's approval with the outcomes checked against it."""
    evidence_add(account, submission)
    return services.review_decide(
        actor=reviewer,
        submission=submission,
        decision="approve",
        reason="Evidence matches.",
        outcomes_verified=True,
    )
