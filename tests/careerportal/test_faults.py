"""Faults survived: Redis down, a query past its statement timeout, PostgreSQL restarted under
a running web process and under a running Celery worker. (Uploads with the broker down or the
storage full: tests/hiringdata/test_faults.py.)

Each fault is real: Redis at a closed port, catalog tables locked by another connection, a
throwaway PostgreSQL cluster (initdb, pg_ctl) stopped and started under gunicorn and under a
`celery worker` on RabbitMQ. The machine's shared PostgreSQL is never touched.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps
from django.db import connection

from tests.careerportal.worker_process import Worker, portal_env, wait_until
from tests.conftest import closed_port
from tests.credentials.conftest import indexed, security_catalog  # noqa: F401 (fixtures)
from tests.credentials.factories import CredentialFactory

ROOT = Path(__file__).resolve().parents[2]


# --- Redis down -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/credentials/", "/credentials/a-plus/", "/careers/", "/api/v1/credentials/"]
)
def test_public_pages_answer_with_redis_down(client, redis_down, path):
    CredentialFactory(slug="a-plus", name="A+")
    response = client.get(path)
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/credentials/?q=security&sort=cost", "CompTIA Security+"),
        ("/credentials/?category=cybersecurity&max_cost=2000", "CompTIA Security+"),
        ("/credentials/compare/?ids=security-plus,a-plus", "CompTIA A+"),
        ("/careers/?q=security+analysts", "Information Security Analysts"),
        ("/careers/15-1212/", "Information Security Analysts"),
        ("/programs/?zip=20001&within=50", "Find a training program near you"),
    ],
)
@pytest.mark.usefixtures("security_catalog")
def test_cached_public_pages_are_computed_with_redis_down(client, redis_down, path, shown):
    """The pages whose reads are cached (careerportal.public_cache) compute them instead, twice."""
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200, path
        assert shown in response.content.decode()


@pytest.mark.django_db
def test_healthz_says_degraded_not_down_with_redis_down(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["broker"]["ok"] is False


@pytest.mark.django_db
def test_the_signin_limit_holds_with_redis_down(client, redis_down, django_user_model, settings):
    django_user_model.objects.create_user("counselor", password="right-password-1")
    for _ in range(settings.ALLIANCE_SIGNIN_MAX_FAILURES):
        response = client.post(
            "/accounts/login/",
            {"username": "counselor", "password": "wrong"},
            REMOTE_ADDR="1.2.3.4",
        )
        assert response.status_code == 200
    locked = client.post(
        "/accounts/login/",
        {"username": "counselor", "password": "right-password-1"},
        REMOTE_ADDR="1.2.3.4",
    )
    assert locked.status_code != 302  # the right password, refused while locked
    assert "_auth_user_id" not in client.session


# --- A public query past the statement timeout ------------------------------------------------


@pytest.fixture
def statement_timeout_300ms() -> Iterator[None]:
    """This process's database connection opened with statement_timeout, as the web's is."""
    options = connection.settings_dict["OPTIONS"]
    saved = options.get("options")
    options["options"] = "-c statement_timeout=300"
    connection.close()
    yield
    if saved is None:
        options.pop("options", None)
    else:
        options["options"] = saved
    connection.close()


@pytest.fixture
def catalog_locked() -> Iterator[None]:
    """Another connection holds every catalog table locked: public reads wait on it."""
    CredentialFactory(slug="a-plus", name="A+")
    db = connection.settings_dict
    other = psycopg2.connect(
        dbname=db["NAME"], user=db["USER"], host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432
    )
    tables = [m._meta.db_table for m in apps.get_app_config("credentials").get_models()]
    with other.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
    yield
    other.rollback()
    other.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("path", "kind"), [("/credentials/?q=security", "html"), ("/api/v1/credentials/", "json")]
)
def test_a_query_past_the_statement_timeout_is_a_clear_503(
    client, statement_timeout_300ms, catalog_locked, path, kind
):
    started = time.monotonic()
    response = client.get(path)
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert elapsed < 5  # the worker is free again at once, not hung on the lock
    if kind == "json":
        assert response.json()["code"] == "query_timeout"
    else:
        assert "took too long" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_same_web_worker_answers_the_next_request_after_a_timeout(
    client, statement_timeout_300ms
):
    CredentialFactory(slug="a-plus", name="A+")
    db = connection.settings_dict
    other = psycopg2.connect(
        dbname=db["NAME"], user=db["USER"], host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432
    )
    with other.cursor() as cursor:
        cursor.execute("LOCK TABLE credentials_credential IN ACCESS EXCLUSIVE MODE")
    assert client.get("/credentials/a-plus/").status_code == 503
    other.rollback()
    other.close()
    response = client.get("/credentials/a-plus/")
    assert response.status_code == 200


# --- PostgreSQL restarted under a running web process -----------------------------------------


def _as_postgres(*command: str) -> subprocess.CompletedProcess[str]:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, *command], capture_output=True, text=True, timeout=120, check=False
    )


def _pg_bin(name: str) -> str | None:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


class Cluster:
    """A throwaway PostgreSQL cluster of its own (initdb), on a free port."""

    def __init__(self) -> None:
        self.port = closed_port()
        self.dir = Path(tempfile.mkdtemp(prefix="cp-fault-pg-"))
        shutil.chown(self.dir, "postgres") if os.geteuid() == 0 else None
        self.data = self.dir / "data"
        initdb = _as_postgres(
            str(_pg_bin("initdb")), "-D", str(self.data), "-U", "postgres", "--auth=trust"
        )
        assert initdb.returncode == 0, initdb.stderr

    def pg_ctl(self, *args: str) -> None:
        done = _as_postgres(
            str(_pg_bin("pg_ctl")), "-D", str(self.data), "-l", str(self.dir / "log"), "-w",
            "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", *args,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def remove(self) -> None:
        _as_postgres(str(_pg_bin("pg_ctl")), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not _pg_bin("initdb") or not _pg_bin("pg_ctl"):
        if os.environ.get("CI"):
            pytest.fail("initdb and pg_ctl are needed")
        pytest.skip("initdb and pg_ctl are not installed")
    made = Cluster()
    made.pg_ctl("start")
    yield made
    made.remove()


@pytest.fixture
def web_on(cluster: Cluster) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """gunicorn serving the portal from the throwaway cluster (no Redis, no broker)."""
    port = closed_port()
    env = portal_env(database_url=cluster.url)
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "careerportal.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", "1", "--timeout", "30"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/healthz"
    deadline = time.monotonic() + 60
    while _healthz(url)[0] is None:
        assert time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.2)
    yield web, url
    os.killpg(web.pid, signal.SIGTERM)
    web.wait(timeout=20)


def _healthz(url: str) -> tuple[int | None, dict[str, object]]:
    import json

    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
    except OSError:
        return None, {}


@pytest.mark.xdist_group("throwaway-postgres")
def test_healthz_is_503_while_postgres_is_down_and_recovers_without_restarting_web(cluster, web_on):
    web, url = web_on
    assert _healthz(url)[0] == 200

    cluster.pg_ctl("stop", "-m", "fast")
    status, body = _healthz(url)
    assert status == 503
    assert body["status"] == "down"

    cluster.pg_ctl("start")
    status, body = _healthz(url)
    assert status == 200, body
    assert web.poll() is None  # the same gunicorn, never restarted


@pytest.mark.xdist_group("throwaway-postgres")
def test_a_restart_between_two_requests_does_not_fail_the_next_one(cluster, web_on):
    """The web's persistent connection dies with the restart; the next request gets a new
    one (CONN_HEALTH_CHECKS) instead of an error."""
    web, url = web_on
    assert _healthz(url)[0] == 200
    cluster.pg_ctl("restart", "-m", "fast")
    status, body = _healthz(url)
    assert status == 200, body
    assert web.poll() is None


# --- PostgreSQL restarted under a running Celery worker ---------------------------------------


def _task_outcome(worker: Worker, task_id: str) -> str:
    """The worker's log line that ends the task: "succeeded in ..." or "raised ..."."""
    wait_until(
        lambda: any(f"[{task_id}] succeeded" in line or f"[{task_id}] raised" in line
                    for line in worker.lines),
        60, f"task {task_id} to end", worker,
    )  # fmt: skip
    return next(line for line in worker.lines if f"[{task_id}] " in line and "received" not in line)


@pytest.mark.xdist_group("throwaway-postgres")
def test_a_worker_runs_the_next_task_after_postgres_restarts_without_being_restarted(
    cluster, start_worker, queue_name
):
    """A real worker (prefork, RabbitMQ) on the throwaway cluster runs the comparison-index
    refresh (SQL in a transaction) before and after PostgreSQL restarts, and while it is down
    and after it is back, all in the same worker process and pool child."""
    from credentials.tasks import comparison_index_refresh_task

    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT, env=portal_env(database_url=cluster.url), capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    worker = start_worker(database_url=cluster.url)
    pids = worker.pids()

    def run() -> str:
        task_id = str(uuid.uuid4())
        comparison_index_refresh_task.apply_async(
            kwargs={"full": True}, queue=queue_name, task_id=task_id
        )
        return _task_outcome(worker, task_id)

    assert "succeeded" in run(), worker.log()

    # Restarted between two tasks: the worker's connection died with it, unseen; the next task
    # still succeeds (Celery's Django fixup closes the connections before and after each task).
    cluster.pg_ctl("restart", "-m", "fast")
    assert "succeeded" in run(), worker.log()

    # Down while a task arrives: that task fails with the database error, nothing hangs...
    cluster.pg_ctl("stop", "-m", "fast")
    assert "raised unexpected: OperationalError" in run(), worker.log()
    # ...and once it is back, the next one succeeds.
    cluster.pg_ctl("start")
    assert "succeeded" in run(), worker.log()
    assert worker.process.poll() is None
    assert worker.pids() == pids  # the same worker process and pool child, never restarted
