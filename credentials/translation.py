from modeltranslation.translator import TranslationOptions, register

from .models import Credential


@register(Credential)
class CredentialTranslation(TranslationOptions):
    fields = ("summary", "description", "duration_note", "renewal_rule", "prerequisites")
