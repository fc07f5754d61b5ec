"""Backup and restore of the database (pg_dump custom format) and the private file storage.

A backup is a folder: database.dump, private.tar.gz and manifest.json (sizes and SHA-256 of
both, and when it was made). A restore checks the manifest first, so a damaged or partial
backup is refused before anything is touched.
"""

import hashlib
import json
import os
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.files.storage import storages


class BackupError(Exception):
    """The backup or restore could not be done; the message says why."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(database: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if database.get(key):
            env[name] = str(database[key])
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    # A fixed program name and our own settings, never user input.
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-500:]}")


def private_root() -> Path:
    return Path(storages["private"].location)  # type: ignore[attr-defined]


def backup_make(*, database: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Write database.dump, private.tar.gz and manifest.json into an empty folder."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty")
    dump = folder / "database.dump"
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), database["NAME"]],
        _pg_env(database),
    )
    archive = folder / "private.tar.gz"
    root = private_root()
    with tarfile.open(archive, "w:gz") as tar:
        if root.exists():
            tar.add(root, arcname="private")
    manifest = {
        "made_at": datetime.now(UTC).isoformat(),
        "database": database["NAME"],
        "files": {
            path.name: {"bytes": path.stat().st_size, "sha256": _sha256(path)}
            for path in (dump, archive)
        },
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def backup_check(*, folder: Path) -> dict[str, Any]:
    """The manifest, once every file it names is present and unchanged."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"no readable manifest.json in {folder}: {error}") from None
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.exists() or _sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} is missing or damaged; nothing was restored")
    return manifest


def backup_restore(*, folder: Path, database: dict[str, Any], private_to: Path) -> None:
    """Restore into an existing (empty) database and an empty private-storage folder."""
    backup_check(folder=folder)
    if private_to.exists() and any(private_to.iterdir()):
        raise BackupError(f"{private_to} is not empty; nothing was restored")
    _run(
        [
            "pg_restore", "--no-owner", "--exit-on-error", "--single-transaction",
            "--dbname", database["NAME"], str(folder / "database.dump"),
        ],
        _pg_env(database),
    )  # fmt: skip
    private_to.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "private.tar.gz") as tar:
        members = [m for m in tar.getmembers() if m.name.startswith("private/") and m.isfile()]
        for member in members:
            member.name = member.name.removeprefix("private/")
        tar.extractall(private_to, members=members, filter="data")
