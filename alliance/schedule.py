"""Periodic jobs of the Alliance (careerportal.celery merges them into the beat schedule)."""

from .tasks import certifications_lapse_task, limit_counters_forget_expired_task

BEAT_SCHEDULE = {
    # Hourly, so a certification lapses within the hour its expiry day ends; the job is idempotent.
    "alliance-lapse-expired-certifications": {
        "task": certifications_lapse_task.name,
        "schedule": 3600.0,
    },
    "alliance-forget-expired-limit-counters": {
        "task": limit_counters_forget_expired_task.name,
        "schedule": 3600.0,
    },
}
