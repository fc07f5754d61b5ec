from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credential catalog")

    def ready(self) -> None:
        # Career pages (pathways) show the catalog through extension points, never by import.
        from pathways.extensions import (
            register_listed_programs_resolver,
            register_occupation_panel,
            register_screen_program_resolver,
            register_step_credentials_resolver,
        )

        from . import stale_marks
        from .funding import listed_programs_resolve, screen_program_resolve
        from .panels import occupation_credentials_panel, occupation_programs_panel
        from .plans import models as _plan_models  # noqa: F401  (registers Plan, PlanItem)
        from .plans.panels import occupation_plan_panel
        from .selectors import step_credentials_resolve

        register_occupation_panel(key="credentials", order=20, render=occupation_credentials_panel)
        register_occupation_panel(key="programs", order=25, render=occupation_programs_panel)
        register_step_credentials_resolver(step_credentials_resolve)
        register_screen_program_resolver(screen_program_resolve)
        register_occupation_panel(key="plans", order=10, render=occupation_plan_panel, slot="save")
        stale_marks.connect()
        register_listed_programs_resolver(listed_programs_resolve)
