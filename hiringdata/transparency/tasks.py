"""Celery jobs of the transparency report: thin wrappers around services.py."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from .services import report_build

# A build takes seconds on 1,000 members; anything near this is a fault, not a slow build.
TIME_LIMIT = 300


# The task id is the build's key: a message redelivered after its worker died (acks_late) finds
# the version it already built instead of building another.
@shared_task(bind=True, time_limit=TIME_LIMIT, soft_time_limit=TIME_LIMIT - 30)
def build_transparency_report(self, year: int, user_id: int | None = None) -> int:  # type: ignore[no-untyped-def]
    """Build a new draft version of one year's report; return its id."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return report_build(year=year, user=user, build_key=self.request.id or "").pk


@shared_task(bind=True, time_limit=TIME_LIMIT, soft_time_limit=TIME_LIMIT - 30)
def build_last_years_transparency_report(self) -> int:  # type: ignore[no-untyped-def]
    """The yearly job: draft last year's report for staff to check and publish."""
    return report_build(year=timezone.now().year - 1, build_key=self.request.id or "").pk
