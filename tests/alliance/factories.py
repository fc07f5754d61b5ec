"""factory_boy factories for the Alliance tests (and the catalog rows they hang on)."""

from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model

from alliance.models import (
    CertificationDecision,
    CertificationStatus,
    Commitment,
    CommitmentKind,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
    Member,
    MemberKind,
    Membership,
    MembershipRole,
    MemberSize,
    RecognitionKind,
)
from credentials.models import Category, Credential, CredentialType, Provider, ProviderKind
from pathways.models import Occupation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.SelfAttribute("username")
    password = factory.django.Password("correct horse battery")


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ("soc_code",)

    soc_code = factory.Sequence(lambda n: f"15-{1200 + n % 800:04d}")
    title = factory.Sequence(lambda n: f"Occupation {n}")


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Provider {n}")
    slug = factory.Sequence(lambda n: f"provider-{n}")
    kind = ProviderKind.CERTIFICATION_BODY


class CredentialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credential
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Credential {n}")
    slug = factory.Sequence(lambda n: f"credential-{n}")
    provider = factory.SubFactory(ProviderFactory)
    credential_type = CredentialType.CERTIFICATION
    category = Category.IT_SUPPORT

    @factory.post_generation
    def occupations(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.occupations.set(extracted)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"Member {n}")
    slug = factory.Sequence(lambda n: f"member-{n}")
    kind = MemberKind.EMPLOYER
    size = MemberSize.SMALL_MEDIUM
    state = "MD"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    member = factory.SubFactory(MemberFactory)
    role = MembershipRole.ADMIN


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    member = factory.SubFactory(MemberFactory)
    kind = CommitmentKind.HIRING_DATA
    signed_on = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    deadline = factory.LazyFunction(lambda: date.today() + timedelta(days=300))
    signer_name = "Pat Signer"


class CertificationDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificationDecision

    credential = factory.SubFactory(CredentialFactory)
    status = CertificationStatus.CERTIFIED
    decided_on = factory.LazyFunction(lambda: date.today() - timedelta(days=100))
    effective_on = factory.SelfAttribute("decided_on")
    expires_on = factory.LazyFunction(lambda: date.today() + timedelta(days=300))
    rationale = "Good exam."


class RecognitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CredentialRecognition

    member = factory.SubFactory(MemberFactory)
    credential = factory.SubFactory(CredentialFactory)
    kind = RecognitionKind.ACCEPTS
    stated_on = factory.LazyFunction(date.today)


class HiringStandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HiringStandard

    occupation = factory.SubFactory(OccupationFactory)
    member = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"Help desk standard {n}")
    summary = "We look for calm problem solvers."
    interview_questions = "Troubleshooting: A printer will not print. What first?"
    screening_steps = "Phone call\nHands-on task"
    status = HiringStandardStatus.DRAFT
