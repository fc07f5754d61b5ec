"""Fixtures of the tests that run a real Celery worker (tests/careerportal/worker_process.py)."""

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection
from kombu import Connection, Exchange, Queue

from tests.careerportal.worker_process import AMQP_URL, Worker, rabbitmq_or_skip
from tests.conftest import forget_celery_connections


@pytest.fixture
def celery_on_rabbitmq() -> Iterator[None]:
    """This process publishes to the real RabbitMQ instead of running tasks eagerly."""
    rabbitmq_or_skip()
    from careerportal.celery import app

    saved = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=AMQP_URL, result_backend=None, task_always_eager=False)
    forget_celery_connections(app)
    yield
    app.conf.update(saved)
    forget_celery_connections(app)


@pytest.fixture
def queue_name(celery_on_rabbitmq: None) -> Iterator[str]:
    """A durable queue of this test's own, deleted afterwards."""
    name = f"test-worker-{uuid.uuid4().hex[:12]}"
    queue = Queue(name, Exchange(name), routing_key=name, durable=True)
    with Connection(AMQP_URL) as conn:
        queue(conn.channel()).declare()
    yield name
    with Connection(AMQP_URL) as conn:
        queue(conn.channel()).delete()


@pytest.fixture
def start_worker(queue_name: str, tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    """Call to start a worker on this test's queue, by default on the test's own database
    (test_h_..._gwN, where the test put its rows); stopped after the test."""
    workers: list[Worker] = []

    def start(database_url: str | None = None) -> Worker:
        if database_url is None:
            db = connection.settings_dict
            database_url = (
                f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
                f":{db['PORT'] or 5432}/{db['NAME']}"
            )
        worker = Worker(
            queue=queue_name, database_url=database_url, private_root=tmp_path / "private"
        )
        workers.append(worker)
        worker.wait_for_line("ready.")
        return worker

    yield start
    for worker in workers:
        worker.stop()
