"""Celery jobs of the catalog: thin wrappers around services."""

from celery import shared_task

from . import services


@shared_task(name="credentials.comparison_index_refresh", soft_time_limit=120, time_limit=180)
def comparison_index_refresh_task(full: bool = False) -> int:
    """Refresh the index rows marked stale (every row when full); safe to repeat.

    The one refresh task: every change marks rows stale in its own transaction and queues this
    after commit; the beat runs it too, so marks the queue missed (broker down) are picked up.
    """
    if full:
        return services.comparison_index_refresh()
    return services.comparison_index_refresh_stale()


@shared_task(name="credentials.downloads_build", soft_time_limit=1800, time_limit=2400)
def downloads_build_task() -> int:
    """Rebuild the bulk open-data files; safe to repeat (each file is replaced whole)."""
    from .downloads import downloads_build

    return len(downloads_build()["files"])
