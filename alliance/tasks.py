"""Celery tasks of the Alliance: thin wrappers around services."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(time_limit=300, soft_time_limit=240)
def certifications_lapse_task() -> dict[str, int]:
    """Lapse expired certifications and flag re-reviews (the beat runs it; safe to repeat)."""
    return services.certifications_lapse_expired(today=timezone.localdate())
