from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "hiringdata.transparency"
    # Its tables keep their hiringdata_ names (Meta.db_table); the label names the app.
    label = "transparency"
    verbose_name = _("Transparency report")
