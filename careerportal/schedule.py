"""Periodic jobs of the wiring itself (merged with the apps' by careerportal.celery)."""

from celery.schedules import crontab
from django.conf import settings

from .tasks import public_data_refresh

BEAT_SCHEDULE = (
    {
        # Daily, before the nightly index rebuild (03:20) of the next night's cycle.
        "careerportal-public-data-refresh": {
            "task": public_data_refresh.name,
            "schedule": crontab(hour=2, minute=10),
        }
    }
    if settings.PUBLIC_DATA_REFRESH
    else {}
)
