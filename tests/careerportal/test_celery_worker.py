"""A real Celery worker, consuming from the machine's Redis, runs a real task."""

import os

import pytest
import redis

from tests.conftest import forget_celery_connections

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def celery_on_redis():
    if not _redis_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}; CI must run this test")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    from careerportal.celery import app

    saved = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=REDIS_URL, result_backend=REDIS_URL, task_always_eager=False)
    _forget_connections(app)
    yield app
    app.conf.update(saved)
    _forget_connections(app)


_forget_connections = forget_celery_connections


def test_a_real_worker_runs_a_task_from_redis(celery_on_redis):
    from celery.contrib.testing.worker import start_worker

    from careerportal.tasks import ping

    with start_worker(celery_on_redis, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        result = ping.delay()
        assert result.get(timeout=20) == "pong"
        assert result.status == "SUCCESS"
