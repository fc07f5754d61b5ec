"""Reads on a real streaming replica made from this machine's PostgreSQL with pg_basebackup -R.

Outside CI the tests skip when pg_basebackup, the postgres user or a replication connection to
the primary is not available; in CI (CI=true) they fail instead, since .ci/run sets these up.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.db import OperationalError, connections
from django.test.utils import CaptureQueriesContext

from careerportal import replicas
from tests.alliance.test_signin import _empty_cache  # noqa: F401  (autouse: nothing cached)
from tests.credentials.factories import CredentialFactory

ALIAS = "replica_1"
pytestmark = [
    pytest.mark.django_db(transaction=True, databases=["default", ALIAS]),
    pytest.mark.xdist_group("replica"),
]


def _unavailable(reason: str):  # type: ignore[no-untyped-def]
    if os.environ.get("CI") == "true":
        pytest.fail(f"replica tests cannot run in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(*command: str) -> subprocess.CompletedProcess[str]:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, *command], capture_output=True, text=True, timeout=120, check=False
    )


def _pg_bin(name: str) -> str | None:
    """The primary's own version of a server program (Debian keeps one folder per version)."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        major = int(cursor.fetchone()[0]) // 10000
    versioned = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    return str(versioned) if versioned.exists() else shutil.which(name)


# Each replica streams from a replication slot of its own. Without one the primary keeps no WAL
# for it (wal_keep_size is 0 here): when the full suite writes hundreds of MB of WAL (other
# workers cloning databases and loading public data) while the replica on two busy cores falls
# behind, a checkpoint removes the segment it still needs, its WAL receiver can never resume
# ("requested WAL segment ... has already been removed") and the test's row never arrives,
# with replay not paused. That was the flaky failure; a slot holds the WAL until the replica
# has it. A slot also holds WAL for ever once its replica is gone: teardown drops it, and a
# slot left by a test process that was killed before its teardown is dropped by the next run.
SLOT_PREFIX = "portal_test_replica_"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _drop_slot(name: str) -> None:
    with connections["default"].cursor() as cursor:
        for _attempt in range(50):  # the stopped replica's WAL sender may take a moment to go
            cursor.execute("SELECT active FROM pg_replication_slots WHERE slot_name = %s", [name])
            row = cursor.fetchone()
            if row is None:
                return
            if not row[0]:
                cursor.execute("SELECT pg_drop_replication_slot(%s)", [name])
                return
            time.sleep(0.2)


def _drop_abandoned_slots() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE %s AND NOT active",
            [SLOT_PREFIX + "%"],
        )
        names = [row[0] for row in cursor.fetchall()]
    for name in names:
        owner = name.removeprefix(SLOT_PREFIX).split("_")[0]
        if owner.isdigit() and not _process_alive(int(owner)):
            _drop_slot(name)


def _replica_state(data: Path) -> str:
    """What the replica's WAL receiver is doing and the end of its log (for failure messages)."""
    try:
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("SELECT status, slot_name FROM pg_stat_wal_receiver")
            receiver = cursor.fetchall()
    except OperationalError as error:
        receiver = [str(error)]
    log = data / "log"
    tail = log.read_text(errors="replace")[-1500:] if log.exists() else "(no log)"
    return f"WAL receiver: {receiver or 'none'}; replica log:\n{tail}"


@pytest.fixture(scope="module")
def replica(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        basebackup, pg_ctl = _pg_bin("pg_basebackup"), _pg_bin("pg_ctl")
    if not basebackup or not pg_ctl:
        _unavailable("pg_basebackup or pg_ctl not installed")
    if os.geteuid() != 0:
        _unavailable("needs root to run the replica as the postgres user")
    primary = connections["default"].settings_dict
    data = Path(tempfile.mkdtemp(prefix="portal-replica-"))
    shutil.chown(data, "postgres", "postgres")
    port = _free_port()
    with django_db_blocker.unblock():
        _drop_abandoned_slots()
    # A busy cluster (other test workers creating databases) can cut the WAL stream: try again.
    for _attempt in range(3):
        slot = f"{SLOT_PREFIX}{os.getpid()}_{uuid.uuid4().hex[:8]}"
        made = _as_postgres(
            basebackup, "-h", primary["HOST"] or "127.0.0.1", "-p", str(primary["PORT"] or 5432),
            "-U", primary["USER"] or "postgres", "-D", str(data), "-R", "-X", "stream",
            "--checkpoint=fast", "--no-sync", "--create-slot", "--slot", slot,
        )  # fmt: skip
        if made.returncode == 0:
            break
        with django_db_blocker.unblock():
            _drop_slot(slot)
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(mode=0o700)
        data.chmod(0o700)  # mkdir's mode is cut by the umask; PostgreSQL wants exactly 0700
        shutil.chown(data, "postgres", "postgres")
    if made.returncode != 0:
        shutil.rmtree(data, ignore_errors=True)
        _unavailable(f"pg_basebackup failed: {made.stderr.strip()}")
    # Debian keeps the configuration outside the data directory: give the copy its own.
    for name, text in {
        "postgresql.conf": "",
        "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\n",
        "pg_ident.conf": "",
    }.items():
        if not (data / name).exists():
            (data / name).write_text(text)
            shutil.chown(data / name, "postgres", "postgres")
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {data} -c hot_standby=on"
    started = _as_postgres(pg_ctl, "-D", str(data), "-l", f"{data}/log", "-w", "-t", "60",
                           "-o", options, "start")  # fmt: skip
    if started.returncode != 0:
        log = (data / "log").read_text()[-500:] if (data / "log").exists() else ""
        shutil.rmtree(data, ignore_errors=True)
        with django_db_blocker.unblock():
            _drop_slot(slot)
        _unavailable(f"replica did not start: {started.stderr.strip()} {log}")
    connections.settings[ALIAS] = {
        **primary,
        "HOST": "127.0.0.1",
        "PORT": port,
        "TEST": {**primary.get("TEST", {}), "MIRROR": "default"},  # never flushed
    }
    replicas.forget_replica_health()
    try:
        yield data
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        del connections.settings[ALIAS]
        replicas.forget_replica_health()
        _as_postgres(pg_ctl, "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(data, ignore_errors=True)
        with django_db_blocker.unblock():
            _drop_slot(slot)


def _on_replica(slug: str) -> bool:
    with connections[ALIAS].cursor() as cursor:
        # Bounded: a query on a standby waits for locks the replay holds (a flush's TRUNCATE).
        cursor.execute("SET statement_timeout = '5s'")
        try:
            cursor.execute("SELECT 1 FROM credentials_credential WHERE slug = %s", [slug])
            return cursor.fetchone() is not None
        except OperationalError:
            connections[ALIAS].close()
            return False


def _replay_paused() -> bool:
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_is_wal_replay_paused()")
        return bool(cursor.fetchone()[0])


def _caught_up() -> None:
    """Wait until the replica has replayed all the primary has written so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + CATCH_UP_SECONDS
    while True:
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
        assert time.monotonic() < deadline, f"replay did not reach {target}"
        time.sleep(0.1)


# The replica copies the whole cluster: while other test workers load public data, it may have
# hundreds of MB of WAL to replay on two busy cores before it reaches this test's row.
CATCH_UP_SECONDS = 180


def _wait_for_replica(slug: str, data: Path) -> None:
    deadline = time.monotonic() + CATCH_UP_SECONDS
    while not _on_replica(slug):
        assert time.monotonic() < deadline, (
            f"the replica did not catch up in {CATCH_UP_SECONDS} s "
            f"(replay paused: {_replay_paused()}); {_replica_state(data)}"
        )
        time.sleep(0.05)


def _wait_until_healthy() -> None:
    """A fresh replica may still be replaying what the busy primary wrote meanwhile."""
    deadline = time.monotonic() + CATCH_UP_SECONDS
    while True:
        replicas.forget_replica_health()
        if replicas.replica_is_healthy(ALIAS):
            return
        with connections[ALIAS].cursor() as cursor:
            cursor.execute(replicas.LAG_SQL)
            lag = cursor.fetchone()[0]
        assert time.monotonic() < deadline, f"replay {lag} s behind after {CATCH_UP_SECONDS} s"
        time.sleep(0.2)


def test_anonymous_public_read_is_served_by_the_replica(replica, client):
    credential = CredentialFactory(status="published")
    _wait_for_replica(credential.slug, replica)
    _wait_until_healthy()
    with (
        CaptureQueriesContext(connections[ALIAS]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        response = client.get(f"/credentials/{credential.slug}/")
    assert response.status_code == 200
    assert credential.name in response.content.decode()
    assert any("credentials_credential" in q["sql"] for q in on_replica.captured_queries)
    assert not any("credentials_credential" in q["sql"] for q in on_primary.captured_queries)


def test_a_signed_in_writer_reads_the_primary_for_a_while(replica, client, admin_user):
    client.force_login(admin_user)
    response = client.post("/plans/new/", {"title": "Mine"})
    assert response.status_code in (200, 302)
    assert replicas.PIN_COOKIE in response.cookies
    with CaptureQueriesContext(connections[ALIAS]) as on_replica:
        response = client.get("/plans/")
    assert response.status_code == 200
    assert on_replica.captured_queries == []


def test_a_lagging_replica_is_skipped(replica, client, settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 0.5
    _caught_up()  # paused in the middle of a replayed flush, the replica's reads would wait on it
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        credential = CredentialFactory(status="published")
        time.sleep(1.0)
        replicas.forget_replica_health()
        assert not _on_replica(credential.slug)
        response = client.get(f"/credentials/{credential.slug}/")
        assert response.status_code == 200  # read from the primary
    finally:
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")


def test_a_replica_that_is_down_is_skipped(replica, client):
    credential = CredentialFactory(status="published")
    connections[ALIAS].close()
    connections.settings[ALIAS]["PORT"] = _free_port()  # nothing listens there
    replicas.forget_replica_health()
    try:
        response = client.get(f"/credentials/{credential.slug}/")
        assert response.status_code == 200
    finally:
        connections[ALIAS].close()
        connections.settings[ALIAS]["PORT"] = int(
            (replica / "postmaster.pid").read_text().splitlines()[3]
        )
        replicas.forget_replica_health()
