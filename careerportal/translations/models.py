"""What was loaded from the translation files: each translated field of each row, with the
English text it translates and who translated it (data/translations/<lang>.csv)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentTranslation(models.Model):
    """One field of one row in one language, as the translation file gave it.

    The shown text is the model's own translation column (modeltranslation's summary_vi, ...),
    filled only while `source` is still the English text; this record keeps the translation
    and where it came from, so a changed English text shows up as stale, not lost.
    """

    model = models.CharField(_("model"), max_length=60)  # app_label.modelname
    key = models.CharField(_("key"), max_length=200)
    field = models.CharField(_("field"), max_length=60)
    language = models.CharField(_("language"), max_length=10)
    source = models.TextField(_("English text translated"))
    text = models.TextField(_("translation"))
    translated_by = models.CharField(_("translated by"), max_length=200)
    loaded_at = models.DateTimeField(_("loaded"), auto_now=True)

    class Meta:
        verbose_name = _("content translation")
        verbose_name_plural = _("content translations")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "key", "field", "language"], name="content_translation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.key} {self.field} [{self.language}]"
