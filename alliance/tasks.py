"""Celery tasks of the Alliance: thin wrappers around services."""

from celery import shared_task
from django.utils import timezone

from credentials.services import comparison_index_refresh

from . import services


@shared_task(time_limit=600, soft_time_limit=540)
def comparison_index_refresh_task(*, credential_ids: list[int]) -> int:
    """Refresh the catalog's comparison-index rows after certification or recognition changes."""
    return comparison_index_refresh(credential_ids=credential_ids)


@shared_task(time_limit=300, soft_time_limit=240)
def certifications_lapse_task() -> dict[str, int]:
    """Lapse expired certifications and flag re-reviews (the beat runs it; safe to repeat)."""
    return services.certifications_lapse_expired(today=timezone.localdate())
