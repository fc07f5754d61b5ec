from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HiringDataConfig(AppConfig):
    name = "hiringdata"
    verbose_name = _("Hiring data and transparency")
