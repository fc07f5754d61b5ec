"""Celery tasks of the reconvening: thin wrappers around services."""

from celery import shared_task
from django.utils import timezone

from . import reminders


@shared_task(soft_time_limit=120, time_limit=240)
def reminders_send_task() -> int:
    """Mail member admins before commitment deadlines and milestone dates (safe to repeat)."""
    return reminders.reminders_send(today=timezone.localdate())
