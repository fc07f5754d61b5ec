"""Restore drill: back up a small data set and its private files, restore both elsewhere."""

import shutil

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.credentials.factories import CredentialFactory
from tests.hiringdata.conftest import use_tmp_private_storage

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump not installed"),
]


@pytest.fixture
def restore_db():  # type: ignore[no-untyped-def]
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _rows(database: str, sql: str) -> list[tuple]:
    settings = connection.settings_dict
    with psycopg2.connect(
        dbname=database, host=settings["HOST"], port=settings["PORT"], user=settings["USER"],
        password=settings["PASSWORD"],
    ) as restored, restored.cursor() as cursor:  # fmt: skip
        cursor.execute(sql)
        return cursor.fetchall()


def test_backup_and_restore_bring_back_rows_and_private_files(settings, tmp_path, restore_db):
    use_tmp_private_storage(settings, tmp_path)
    credential = CredentialFactory(status="published", name="Kept through the drill")
    private = tmp_path / "private" / "hiringdata" / "acme" / "2025"
    private.mkdir(parents=True)
    (private / "file.csv").write_bytes(b"soc_code,hires\n15-1212,3\n")

    call_command("backup", str(tmp_path / "backup"))
    call_command(
        "backup", str(tmp_path / "backup"), "--restore", "--database", restore_db,
        "--private-to", str(tmp_path / "restored"),
    )  # fmt: skip

    rows = _rows(restore_db, f"SELECT name FROM credentials_credential WHERE id = {credential.pk}")
    assert rows == [("Kept through the drill",)]
    restored = tmp_path / "restored" / "hiringdata" / "acme" / "2025" / "file.csv"
    assert restored.read_bytes() == b"soc_code,hires\n15-1212,3\n"


def test_a_damaged_backup_is_refused_before_anything_is_restored(settings, tmp_path, restore_db):
    use_tmp_private_storage(settings, tmp_path)
    CredentialFactory(status="published")
    call_command("backup", str(tmp_path / "backup"))
    dump = tmp_path / "backup" / "database.dump"
    dump.write_bytes(dump.read_bytes()[:-100])
    with pytest.raises(CommandError, match=r"database\.dump is missing or damaged"):
        call_command(
            "backup", str(tmp_path / "backup"), "--restore", "--database", restore_db,
            "--private-to", str(tmp_path / "restored"),
        )  # fmt: skip
    assert _rows(restore_db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]
    assert not (tmp_path / "restored").exists()
