"""The Celery app: broker from REDIS_URL; with no broker configured, tasks run eagerly."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

app = Celery("careerportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
