from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "alliance"
    verbose_name = _("Transparent Tech Training Alliance")

    def ready(self) -> None:
        from pathways.extensions import register_occupation_panel

        from . import signin  # noqa: F401  (connects the sign-in rate-limit signals)
        from .panels import hiring_standards_panel

        register_occupation_panel(
            key="alliance-hiring-standards", order=50, render=hiring_standards_panel
        )
