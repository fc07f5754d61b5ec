"""A real `celery worker` process for the tests that need one (killed mid-task, PostgreSQL
restarted under it), on the machine's RabbitMQ.

The broker is CELERY_TEST_AMQP_URL (default the local RabbitMQ's "/" vhost, guest/guest).
Outside CI the tests skip when RabbitMQ is not reachable; in CI they fail instead. The fixtures
that start workers are in tests/careerportal/conftest.py.
"""

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from kombu import Connection

AMQP_URL = os.environ.get("CELERY_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//")
ROOT = Path(__file__).resolve().parents[2]


def rabbitmq_or_skip() -> None:
    try:
        with Connection(AMQP_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as error:  # any failure to reach it means: not here
        if os.environ.get("CI"):
            pytest.fail(f"RabbitMQ is not reachable at {AMQP_URL}: {error}")
        pytest.skip(f"RabbitMQ is not reachable at {AMQP_URL}: {error}")


def portal_env(*, database_url: str) -> dict[str, str]:
    """The environment of a portal process of a test's own (gunicorn, manage.py, a worker) on
    database_url: no Redis, no broker, no replicas unless the test adds them."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name
        not in ("REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "DATABASE_REPLICA_URLS")
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "careerportal.settings",
        "DEBUG": "1",
        "DATABASE_URL": database_url,
    }


class Worker:
    """`celery worker` in its own process group, on one queue, logging to a list of lines."""

    def __init__(self, *, queue: str, database_url: str, private_root: Path) -> None:
        env = portal_env(database_url=database_url) | {
            "CELERY_BROKER_URL": AMQP_URL,
            "PRIVATE_STORAGE_ROOT": str(private_root),
        }
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "careerportal", "worker", "-Q", queue,
             "--pool", "prefork", "--concurrency", "1", "-l", "info",
             "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-n", f"{queue}-{uuid.uuid4().hex[:6]}@%h"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def log(self) -> str:
        return "".join(self.lines[-60:])

    def wait_for_line(self, text: str, timeout: float = 60) -> None:
        wait_until(lambda: any(text in line for line in self.lines), timeout, f"{text!r}", self)

    def pids(self) -> set[int]:
        """The main process and its pool children: a restarted worker or child changes it."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {self.process.pid, *(int(pid) for pid in children.read_text().split())}

    def kill(self) -> None:
        """SIGKILL the worker and its pool child at once: no clean shutdown, no ack."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def wait_until(done: Callable[[], bool], timeout: float, what: str, worker: Worker) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout}s for {what}; worker log:\n{worker.log()}")
        time.sleep(0.05)
