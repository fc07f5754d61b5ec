"""The languages of the portal: which one a request gets, and the words that say a text is
shown in English or was translated by us."""

from django.utils.translation import gettext_lazy as _

# Shown beside content that has no translation in the page's language yet (in English).
NOT_YET_TRANSLATED = _("Not yet translated into %(language)s.")
# Shown beside content we translated ourselves.
TRANSLATED_BY_US = _("Translated by the portal team, not by a professional translator.")
TRANSLATED_BY = _("Translated by %(translator)s.")
