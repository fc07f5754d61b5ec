"""Celery jobs for submissions: thin, idempotent, with time limits."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError

from . import services

logger = logging.getLogger(__name__)


@shared_task(
    name="hiringdata.process_submission",
    bind=True,
    # The outcome lives on the Submission row; no result backend round trip (it can be down).
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=600,
    time_limit=900,
    max_retries=3,
)
def process_submission(self, submission_id: int) -> str:  # type: ignore[no-untyped-def]
    """Validate and import one submission (safe to run twice: the second does nothing)."""
    try:
        submission = services.submission_process(submission_id=submission_id)
    except OperationalError as error:  # the database went away: try again later
        raise self.retry(exc=error, countdown=30 * (self.request.retries + 1)) from error
    except SoftTimeLimitExceeded:
        services.submission_fail(submission_id=submission_id, reason="time_limit")
        return "failed"
    except Exception as error:
        logger.exception("Submission %s could not be processed", submission_id)
        services.submission_fail(submission_id=submission_id, reason=type(error).__name__)
        return "failed"
    return submission.status if submission else "missing"


@shared_task(
    name="hiringdata.sweep_submissions", ignore_result=True, soft_time_limit=60, time_limit=120
)
def sweep_submissions() -> int:
    """Queue submissions that were recorded while the broker was down, or whose worker died."""
    return services.submission_sweep()
