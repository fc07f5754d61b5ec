"""Tasks that belong to the wiring itself."""

from celery import shared_task


@shared_task(name="careerportal.ping", soft_time_limit=5, time_limit=10)
def ping() -> str:
    """Answer so a caller can tell that a worker is consuming the queue."""
    return "pong"
