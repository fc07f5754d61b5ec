from modeltranslation.translator import TranslationOptions, register

from .models import FundingSource, Occupation, Skill


@register(Occupation)
class OccupationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Skill)
class SkillTranslation(TranslationOptions):
    fields = ("name",)


@register(FundingSource)
class FundingSourceTranslation(TranslationOptions):
    fields = ("name", "summary", "max_amount_note")
