"""Periodic jobs of the reconvening (careerportal.celery merges them into the beat schedule)."""

from .tasks import reminders_send_task

BEAT_SCHEDULE = {
    # Daily is enough for day-granular notices; the job sends each reminder once.
    "reconvening-deadline-reminders": {"task": reminders_send_task.name, "schedule": 86400.0},
}
