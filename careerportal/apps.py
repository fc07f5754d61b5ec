from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CareerPortalConfig(AppConfig):
    name = "careerportal"
    verbose_name = "Career portal"

    def ready(self) -> None:
        from .public_cache import model_changed

        post_save.connect(model_changed, dispatch_uid="public-cache-save")
        post_delete.connect(model_changed, dispatch_uid="public-cache-delete")
