"""Celery jobs of the catalog: thin wrappers around services."""

from celery import shared_task
from django.db import transaction

from . import services


@shared_task(name="credentials.comparison_index_refresh", soft_time_limit=120, time_limit=180)
def comparison_index_refresh_task(credential_ids: list[int] | None = None) -> int:
    """Rebuild comparison-index rows; safe to repeat (delete and re-insert the same rows)."""
    return services.comparison_index_refresh(credential_ids=credential_ids)


def comparison_index_refresh_enqueue(*, credential_ids: list[int] | None = None) -> None:
    """Queue a refresh once the current transaction commits (never for rolled-back edits)."""
    ids = list(credential_ids) if credential_ids is not None else None
    transaction.on_commit(lambda: comparison_index_refresh_task.delay(ids))


@shared_task(name="credentials.downloads_build", soft_time_limit=1800, time_limit=2400)
def downloads_build_task() -> int:
    """Rebuild the bulk open-data files; safe to repeat (each file is replaced whole)."""
    from .downloads import downloads_build

    return len(downloads_build()["files"])
