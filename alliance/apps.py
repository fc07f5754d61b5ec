from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "alliance"
    verbose_name = _("Transparent Tech Training Alliance")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from credentials.extensions import register_credential_panel
        from credentials.signals import comparison_index_refreshed
        from pathways.extensions import register_occupation_panel

        from . import (
            comparison_index,
            signin,  # noqa: F401  (connects the sign-in rate-limit signals)
        )
        from .models import CertificationDecision, CredentialRecognition
        from .panels import credential_employers_panel, hiring_standards_panel

        register_credential_panel(
            key="alliance-employers", order=10, render=credential_employers_panel
        )
        # The alliance writes its columns of the catalog's comparison index.
        comparison_index_refreshed.connect(comparison_index.on_index_refreshed)
        for model in (CertificationDecision, CredentialRecognition):
            post_save.connect(comparison_index.on_fact_changed, sender=model)
            post_delete.connect(comparison_index.on_fact_changed, sender=model)

        register_occupation_panel(
            key="alliance-hiring-standards", order=50, render=hiring_standards_panel
        )
