from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReconveningConfig(AppConfig):
    """The annual reconvening: recommitments, plans for access, hiring standards by year."""

    name = "alliance.reconvening"
    label = "reconvening"
    verbose_name = _("The annual reconvening")

    def ready(self) -> None:
        from alliance.extensions import register_member_panel, register_standard_history
        from alliance.signals import hiring_standard_approved

        from .awards import access_milestones_done, commitments_kept, register_award_category
        from .panels import member_reconvening_panel
        from .selectors import standard_history_set
        from .services import standard_version_on_approval

        # The approval service tells; the yearly snapshot is written here, in one place.
        hiring_standard_approved.connect(standard_version_on_approval)
        register_member_panel(key="reconvening", order=20, render=member_reconvening_panel)
        register_standard_history(provide=standard_history_set)
        register_award_category(key="commitments_kept", order=20, compute=commitments_kept)
        register_award_category(
            key="access_milestones_done", order=30, compute=access_milestones_done
        )
