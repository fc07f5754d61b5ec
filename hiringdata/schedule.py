"""Periodic jobs of the hiring-data app (careerportal.celery merges them into the beat schedule)."""

from .tasks import sweep_submissions

BEAT_SCHEDULE = {
    "hiringdata-sweep-submissions": {
        "task": sweep_submissions.name,
        "schedule": 300.0,  # every five minutes
    },
}
