"""Celery tasks of the Alliance: thin wrappers around services."""

from celery import shared_task
from django.utils import timezone

from . import services, signin


@shared_task(time_limit=300, soft_time_limit=240)
def certifications_lapse_task() -> dict[str, int]:
    """Lapse expired certifications and flag re-reviews (the beat runs it; safe to repeat)."""
    return services.certifications_lapse_expired(today=timezone.localdate())


@shared_task(soft_time_limit=60, time_limit=120)
def limit_counters_forget_expired_task() -> int:
    """Delete sign-in and reset counters whose window has ended (the beat runs it hourly)."""
    return signin.limit_counters_forget_expired()
