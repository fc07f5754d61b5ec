from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "hiringdata.transparency"
    # Its tables keep their hiringdata_ names (Meta.db_table); the label names the app.
    label = "transparency"
    verbose_name = _("Transparency report")

    def ready(self) -> None:
        from alliance.extensions import register_convening_figures, register_member_panel
        from alliance.reconvening.awards import register_award_category
        from credentials.downloads import Dataset, dataset_register

        from .awards import most_progress
        from .exports import CSV_DICTIONARY
        from .panels import member_progress_panel
        from .selectors import report_cells_published, report_figures_for_convening

        # The Alliance's press page shows the published report's headline figures.
        register_convening_figures(key="transparency", provide=report_figures_for_convening)
        # And each member page its standing for the "most progress" award, with the figures.
        register_member_panel(key="transparency-progress", order=30, render=member_progress_panel)
        # The reconvening's "most progress" award, computed from the published report.
        register_award_category(key="most_progress", order=10, compute=most_progress)

        dataset_register(
            Dataset(
                "transparency-tables",
                "Transparency report tables (published)",
                report_cells_published,
                CSV_DICTIONARY,
            )
        )
