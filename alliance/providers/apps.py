from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    """Training providers' accounts and submissions, the task force's review, and the gaps."""

    name = "alliance.providers"
    label = "providers"
    verbose_name = _("Training providers and gaps")
