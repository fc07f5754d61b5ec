"""Factories of the hiring-data tests (members come from alliance, made here as needed)."""

import factory

from alliance.models import Member, MemberKind, MemberSize


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"Test Employer {n:03d}")
    slug = factory.Sequence(lambda n: f"test-employer-{n:03d}")
    kind = MemberKind.EMPLOYER
    size = MemberSize.SMALL_MEDIUM
    is_synthetic = True
