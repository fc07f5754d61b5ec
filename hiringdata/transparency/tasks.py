"""Celery jobs of the transparency report: thin wrappers around services.py."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from .services import report_build

# A build takes seconds on 1,000 members; anything near this is a fault, not a slow build.
TIME_LIMIT = 300


@shared_task(time_limit=TIME_LIMIT, soft_time_limit=TIME_LIMIT - 30)
def build_transparency_report(year: int, user_id: int | None = None) -> int:
    """Build a new draft version of one year's report; return its id."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return report_build(year=year, user=user).pk


@shared_task(time_limit=TIME_LIMIT, soft_time_limit=TIME_LIMIT - 30)
def build_last_years_transparency_report() -> int:
    """The yearly job: draft last year's report for staff to check and publish."""
    return report_build(year=timezone.now().year - 1).pk
