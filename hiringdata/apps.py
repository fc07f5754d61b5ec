from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HiringDataConfig(AppConfig):
    name = "hiringdata"
    verbose_name = _("Hiring data and transparency")

    def ready(self) -> None:
        # The report page shows the Alliance's commitment board and that year's awards; alliance
        # is a lower layer, so the sections are wired here rather than imported there.
        from . import report_sections, reports

        reports.register_report_section(
            key="commitments", order=10, render=report_sections.commitments
        )
        reports.register_report_section(key="awards", order=20, render=report_sections.awards)
