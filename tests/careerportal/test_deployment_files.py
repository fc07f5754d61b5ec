import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_file_validates_against_the_compose_specification():
    tool = shutil.which("check-jsonschema") or str(
        Path(sys.executable).with_name("check-jsonschema")
    )
    result = subprocess.run(
        [tool, "--builtin-schema", "vendor.compose-spec", str(ROOT / "docker-compose.yml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_runs_every_service_the_portal_needs():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(compose["services"])
    assert "gunicorn" in " ".join(compose["services"]["web"]["command"])
    assert (ROOT / "Dockerfile").exists()


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _command(service: dict) -> str:
    command = service.get("command", [])
    return command if isinstance(command, str) else " ".join(command)


# One-shot jobs (migrations) end; every other service runs for ever and must say it is healthy.
ONE_SHOT = {"migrate"}


def test_every_long_running_service_has_a_healthcheck_and_restarts():
    services = _compose()["services"]
    for name, service in services.items():
        if name in ONE_SHOT:
            continue
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
        assert service.get("restart") == "unless-stopped", f"{name} is not restarted"


def test_a_streaming_replica_is_made_from_the_primary_with_pg_basebackup():
    services = _compose()["services"]
    replica = services["postgres-replica"]
    entrypoint = " ".join(replica["entrypoint"])
    script = next(v for v in replica["volumes"] if v.endswith(entrypoint.split()[-1] + ":ro"))
    text = (ROOT / script.split(":")[0]).read_text()
    assert "pg_basebackup" in text and " -R " in text and "-X stream" in text
    assert "PG_VERSION" in text  # copied only once, on an empty data directory
    assert "pg_is_in_recovery" in " ".join(replica["healthcheck"]["test"])
    assert replica["depends_on"]["postgres"]["condition"] == "service_healthy"
    # The primary lets it stream: WAL for replicas, and a replication role made at first start.
    primary = services["postgres"]
    assert "wal_level=replica" in _command(primary)
    init = next(v for v in primary["volumes"] if "docker-entrypoint-initdb.d" in v)
    init_text = (ROOT / init.split(":")[0]).read_text()
    assert "REPLICATION" in init_text and "host replication replicator" in init_text
    assert "pgreplica" in _compose()["volumes"]


def test_the_web_reads_from_the_replica_and_bounds_its_statements():
    compose = _compose()
    env = {**compose["x-portal-env"], **compose["services"]["web"]["environment"]}
    assert "@postgres-replica:5432/" in env["DATABASE_REPLICA_URLS"]
    assert int(env["DATABASE_STATEMENT_TIMEOUT_MS"]) > 0
    # Imports run for minutes: no statement timeout for the workers.
    for worker in ("worker", "worker-light"):
        assert compose["services"][worker]["environment"] == compose["x-portal-env"]


def test_workers_scale_with_docker_compose_scale():
    services = _compose()["services"]
    for name in ("worker", "worker-light"):
        service = services[name]
        # --scale refuses a fixed container name or host port; each copy names its own node.
        assert "container_name" not in service and "ports" not in service
        command = _command(service)
        assert "@%h" in command
        node = command.split("-n ")[1].split("@")[0]
        assert f"-d {node}@$$HOSTNAME" in " ".join(service["healthcheck"]["test"])
    assert "-Q imports" in _command(services["worker"])
    assert "--concurrency 1" in _command(services["worker"])
    queues = _command(services["worker-light"]).split("-Q ")[1].split()[0].split(",")
    assert set(queues) | {"imports"} == {"imports", "reports", "index", "mail", "default"}
