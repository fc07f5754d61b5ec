from modeltranslation.translator import TranslationOptions, register

from .models import CostItem, Credential, OutcomeReport


@register(Credential)
class CredentialTranslation(TranslationOptions):
    fields = (
        "summary",
        "description",
        "duration_note",
        "renewal_rule",
        "prerequisites",
        "price_notes",
        "notes",
    )


@register(CostItem)
class CostItemTranslation(TranslationOptions):
    fields = ("note",)


@register(OutcomeReport)
class OutcomeReportTranslation(TranslationOptions):
    fields = ("statement",)
