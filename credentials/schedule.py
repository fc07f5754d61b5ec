"""Periodic jobs of the catalog (merged into CELERY_BEAT_SCHEDULE by settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Nightly full rebuild: certifications expire by date, and that is not an edit anywhere.
    "credentials-comparison-index-nightly": {
        "task": "credentials.comparison_index_refresh",
        "schedule": crontab(hour=3, minute=20),
    },
    # Nightly bulk open-data files (after the index, so prices and certification are current).
    "credentials-downloads-nightly": {
        "task": "credentials.downloads_build",
        "schedule": crontab(hour=4, minute=10),
    },
}
