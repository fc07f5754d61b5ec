"""Periodic jobs of the task force (careerportal.celery merges them into the beat schedule)."""

from .tasks import meeting_schedule_next_task, reminders_send_task

BEAT_SCHEDULE = {
    "taskforce-schedule-next-meeting": {
        "task": meeting_schedule_next_task.name,
        "schedule": 86400.0,
    },
    "taskforce-send-reminders": {"task": reminders_send_task.name, "schedule": 3600.0},
}
