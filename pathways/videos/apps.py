from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VideosConfig(AppConfig):
    name = "pathways.videos"
    # Part of the pathways layer (credentials refer to its videos, never the other way).
    label = "videos"
    verbose_name = _("Videos")
