from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaskForceConfig(AppConfig):
    name = "alliance.taskforce"
    label = "taskforce"
    verbose_name = _("Task force meetings")
