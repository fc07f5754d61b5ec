from modeltranslation.translator import TranslationOptions, register

from .models import (
    FundingApplyStep,
    FundingFact,
    FundingSource,
    Occupation,
    Pathway,
    PathwayStep,
    Skill,
)


@register(Occupation)
class OccupationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Skill)
class SkillTranslation(TranslationOptions):
    fields = ("name",)


@register(FundingSource)
class FundingSourceTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "agency",
        "max_amount_note",
        "status_note",
        "covers_note",
        "eligibility_note",
        "program_note",
        "combine_note",
        "source_note",
    )


@register(FundingApplyStep)
class FundingApplyStepTranslation(TranslationOptions):
    fields = ("text",)


@register(FundingFact)
class FundingFactTranslation(TranslationOptions):
    fields = ("text", "note")


@register(Pathway)
class PathwayTranslation(TranslationOptions):
    fields = ("summary",)


@register(PathwayStep)
class PathwayStepTranslation(TranslationOptions):
    fields = ("title", "description", "cost_note")
