"""Periodic jobs of the Alliance (merged into CELERY_BEAT_SCHEDULE by settings.py)."""

BEAT_SCHEDULE = {
    # Hourly, so a certification lapses within the hour its expiry day ends; the job is idempotent.
    "alliance-lapse-expired-certifications": {
        "task": "alliance.tasks.certifications_lapse_task",
        "schedule": 3600.0,
    },
}
