"""Periodic jobs of the catalog (merged into CELERY_BEAT_SCHEDULE by settings)."""

from celery.schedules import crontab

from .tasks import comparison_index_refresh_task, downloads_build_task

BEAT_SCHEDULE = {
    # The sweep: rows marked stale whose queued refresh was lost (broker down) within a minute.
    "credentials-comparison-index-stale-sweep": {
        "task": comparison_index_refresh_task.name,
        "schedule": 60.0,
    },
    # Nightly full rebuild: a certification stops being active by date, not by an edit.
    "credentials-comparison-index-nightly": {
        "task": comparison_index_refresh_task.name,
        "schedule": crontab(hour=3, minute=20),
        "kwargs": {"full": True},
    },
    # Nightly bulk open-data files (after the index, so prices and certification are current).
    "credentials-downloads-nightly": {
        "task": downloads_build_task.name,
        "schedule": crontab(hour=4, minute=10),
    },
}
