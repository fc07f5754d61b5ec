"""Periodic jobs of the hiring-data app (merged into CELERY_BEAT_SCHEDULE by settings)."""

BEAT_SCHEDULE = {
    "hiringdata-sweep-submissions": {
        "task": "hiringdata.sweep_submissions",
        "schedule": 300.0,  # every five minutes
    },
}
