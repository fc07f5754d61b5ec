"""Text members and providers write themselves, in English, in any of the portal's other
languages, or in several (never translated by us; careerportal.translations.authored). A reader
without a version in their language gets the author's English, else their first version in the
portal's order (AUTHORED_FALLBACK, the rule presentation.authored_text applies too)."""

from modeltranslation.translator import TranslationOptions, register

from careerportal.translations.authored import AUTHORED_FALLBACK

from .models import AccessPlan, Milestone, Need, NeedAnswer, Recommitment, Spotlight


class AuthoredTranslation(TranslationOptions):
    fallback_languages = AUTHORED_FALLBACK


@register(Recommitment)
class RecommitmentTranslation(AuthoredTranslation):
    fields = ("statement",)


@register(AccessPlan)
class AccessPlanTranslation(AuthoredTranslation):
    fields = ("summary",)


@register(Milestone)
class MilestoneTranslation(AuthoredTranslation):
    fields = ("title", "note")


@register(Need)
class NeedTranslation(AuthoredTranslation):
    fields = ("role", "skills")


@register(NeedAnswer)
class NeedAnswerTranslation(AuthoredTranslation):
    fields = ("message",)


@register(Spotlight)
class SpotlightTranslation(AuthoredTranslation):
    fields = ("title", "body")
