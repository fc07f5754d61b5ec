"""Factories for the hiring-data tests (and the lower-layer rows they need)."""

import factory
from django.contrib.auth import get_user_model

from alliance.models import Member, MemberKind, Membership, MembershipRole, MemberSize
from credentials.models import Category, Credential, CredentialType, Provider, ProviderKind
from pathways.models import Occupation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Employer {n}")
    slug = factory.Sequence(lambda n: f"employer-{n}")
    kind = MemberKind.EMPLOYER
    size = MemberSize.LARGE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    member = factory.SubFactory(MemberFactory)
    role = MembershipRole.SUBMITTER


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ("soc_code",)

    soc_code = "15-1212"
    title = factory.LazyAttribute(lambda o: f"Occupation {o.soc_code}")


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        django_get_or_create = ("slug",)

    name = "CompTIA"
    slug = "comptia"
    kind = ProviderKind.CERTIFICATION_BODY


class CredentialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credential
        django_get_or_create = ("slug",)

    name = factory.LazyAttribute(lambda c: c.slug.replace("-", " ").title())
    slug = "comptia-security-plus"
    provider = factory.SubFactory(ProviderFactory)
    credential_type = CredentialType.CERTIFICATION
    category = Category.CYBERSECURITY
