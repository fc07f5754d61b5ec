from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HiringDataConfig(AppConfig):
    name = "hiringdata"
    verbose_name = _("Hiring data and transparency")

    def ready(self) -> None:
        from alliance.signals import hiring_data_commitment_signed

        from . import services

        hiring_data_commitment_signed.connect(services.hiring_data_commitment_signed)
