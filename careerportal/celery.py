"""The Celery app: broker from REDIS_URL; with no broker configured, tasks run eagerly."""

import os
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

DOMAIN_APPS = (
    "pathways",
    "credentials",
    "alliance",
    "alliance.taskforce",
    "alliance.reconvening",
    "hiringdata",
    "hiringdata.transparency",
)

app = Celery("careerportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def beat_schedule() -> dict[str, dict[str, Any]]:
    """Every app's periodic jobs (<app>/schedule.py names them by their task objects)."""
    schedule: dict[str, dict[str, Any]] = {}
    for label in (*DOMAIN_APPS, "careerportal"):
        if find_spec(f"{label}.schedule") is not None:
            schedule.update(import_module(f"{label}.schedule").BEAT_SCHEDULE)
    return schedule


@app.on_after_finalize.connect
def _install_beat_schedule(sender: Celery, **kwargs: Any) -> None:
    # After finalize the task modules (and Django) are loaded, so schedule.py may import tasks.
    sender.conf.beat_schedule = beat_schedule()
