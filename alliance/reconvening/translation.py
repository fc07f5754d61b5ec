"""Text members and providers write themselves: English, and their own version in any of the
portal's other languages (never translated by us; careerportal.translations.authored)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AccessPlan, Milestone, Need, NeedAnswer, Recommitment, Spotlight


@register(Recommitment)
class RecommitmentTranslation(TranslationOptions):
    fields = ("statement",)


@register(AccessPlan)
class AccessPlanTranslation(TranslationOptions):
    fields = ("summary",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "note")


@register(Need)
class NeedTranslation(TranslationOptions):
    fields = ("role", "skills")


@register(NeedAnswer)
class NeedAnswerTranslation(TranslationOptions):
    fields = ("message",)


@register(Spotlight)
class SpotlightTranslation(TranslationOptions):
    fields = ("title", "body")
