"""factory_boy factories for the reconvening tests."""

from datetime import date

import factory

from alliance.models import Convening
from alliance.reconvening.models import AccessPlan, Milestone, Recommitment, StandardVersion

from ..factories import MemberFactory


class ConveningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Convening
        django_get_or_create = ("year",)

    year = 2026
    title = factory.LazyAttribute(lambda o: f"Convening {o.year}")
    held_on = factory.LazyAttribute(lambda o: date(o.year, 5, 14))
    place = "Online"


class RecommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommitment

    convening = factory.SubFactory(ConveningFactory)
    member = factory.SubFactory(MemberFactory)
    statement = "We keep our promises."
    signed_on = factory.LazyAttribute(lambda o: o.convening.held_on)
    signer_name = "Pat Signer"


class AccessPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessPlan

    convening = factory.SubFactory(ConveningFactory)
    member = factory.SubFactory(MemberFactory)
    summary = "One apprentice a year."
    updated_on = factory.LazyFunction(date.today)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    plan = factory.SubFactory(AccessPlanFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = date(2027, 1, 1)
    updated_on = factory.LazyFunction(date.today)


def program_for(provider, name="Help desk bootcamp"):  # type: ignore[no-untyped-def]
    """A catalog program of one provider (what a provider answers a need with)."""
    from credentials.programs.models import Program

    return Program.objects.create(
        source="etpl",
        external_id=f"{provider.pk}-{name}",
        source_date=date(2026, 1, 1),
        name=name,
        provider=provider,
        cip_code="11.1006",
    )


def standard_version(member, occupation, year, **fields):  # type: ignore[no-untyped-def]
    """A member's standard for an occupation as approved in a year (June 1st)."""
    return StandardVersion.objects.create(
        member=member,
        occupation=occupation,
        year=year,
        approved_on=date(year, 6, 1),
        title="Help desk",
        **fields,
    )
