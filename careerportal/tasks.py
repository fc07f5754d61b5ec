"""Tasks that belong to the wiring itself."""

import io

from celery import shared_task
from django.conf import settings
from django.core.management import call_command

from .public_data import AFTER_LOAD, refresh_commands


class PublicDataRefreshError(RuntimeError):
    """One or more scheduled loads failed (each named, with its message); the others ran."""


@shared_task(name="careerportal.ping", soft_time_limit=5, time_limit=10)
def ping() -> str:
    """Answer so a caller can tell that a worker is consuming the queue."""
    return "pong"


@shared_task(name="careerportal.public_data_refresh", acks_late=True)
def public_data_refresh() -> str:
    """Re-run the public-data loads the deployer configured (settings.PUBLIC_DATA_REFRESH).

    Each load is its own transaction and skips a file it loaded before, so a failed or repeated
    run leaves the previous vintage live. One failing source does not stop the others.
    """
    done, failed = [], []
    for argv in refresh_commands(settings.PUBLIC_DATA_REFRESH):
        out = io.StringIO()
        try:
            call_command(*argv, stdout=out)
        except Exception as error:  # reported below, with the source it came from
            failed.append(f"{' '.join(argv)}: {error}")
        else:
            done.append(out.getvalue().strip())
    if done:
        for step in AFTER_LOAD:
            step()
    if failed:
        raise PublicDataRefreshError("; ".join(failed))
    return "\n".join(done)
