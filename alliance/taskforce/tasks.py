from celery import shared_task
from django.utils import timezone

from . import reminders, services


@shared_task(soft_time_limit=60, time_limit=120)
def meeting_schedule_next_task() -> int | None:
    """Keep the next task-force meeting on the calendar (every two months)."""
    meeting = services.meeting_schedule_next(today=timezone.localdate())
    return meeting.pk if meeting else None


@shared_task(soft_time_limit=120, time_limit=240)
def reminders_send_task() -> int:
    return reminders.reminders_send(today=timezone.localdate())
