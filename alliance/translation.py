from modeltranslation.translator import TranslationOptions, register

from .models import CertificationDecision, Member


@register(Member)
class MemberTranslation(TranslationOptions):
    fields = ("description",)


@register(CertificationDecision)
class CertificationDecisionTranslation(TranslationOptions):
    fields = ("rationale",)
