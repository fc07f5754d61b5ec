import factory

from pathways.models import (
    EducationLevel,
    FundingSource,
    Occupation,
    OccupationField,
    Pathway,
    PathwayStep,
    StepKind,
)


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ("soc_code",)

    soc_code = factory.Sequence(lambda n: f"15-{3000 + n}")
    title = factory.Sequence(lambda n: f"Test occupation {n}")
    title_en = factory.SelfAttribute("title")
    description = "Does test work."
    field = OccupationField.CYBERSECURITY
    median_annual_wage = 100000
    wage_vintage = "May 2024"
    wage_source_url = "https://www.bls.gov/oes/"
    wage_confidence = "verified"
    projected_change_pct = 10
    projection_period = "2024-2034"
    entry_education = "bachelor"


class PathwayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pathway

    occupation = factory.SubFactory(OccupationFactory)
    education_level = EducationLevel.HIGH_SCHOOL
    is_sample = True


class PathwayStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PathwayStep

    pathway = factory.SubFactory(PathwayFactory)
    order = factory.Sequence(lambda n: n + 1)
    kind = StepKind.TRAINING
    title = factory.Sequence(lambda n: f"Step {n}")
    title_en = factory.SelfAttribute("title")
    min_weeks = 4
    max_weeks = 8
    min_cost_usd = 100
    max_cost_usd = 400
    credential_category = "cybersecurity"


class FundingSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingSource

    name = factory.Sequence(lambda n: f"Fund {n}")
    name_en = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"fund-{n}")
    kind = "state"
    source_confidence = "secondary"
