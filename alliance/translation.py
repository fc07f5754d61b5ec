from modeltranslation.translator import TranslationOptions, register

from .models import Award, CertificationDecision, Convening, HiringStandard, Member


@register(Member)
class MemberTranslation(TranslationOptions):
    fields = ("description",)


@register(CertificationDecision)
class CertificationDecisionTranslation(TranslationOptions):
    fields = ("rationale",)


@register(Convening)
class ConveningTranslation(TranslationOptions):
    fields = ("title", "agenda")


@register(Award)
class AwardTranslation(TranslationOptions):
    fields = ("title", "method")


@register(HiringStandard)
class HiringStandardTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "credentials_note",
        "portfolio_items",
        "interview_questions",
        "screening_steps",
    )
