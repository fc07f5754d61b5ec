import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerportal.environment import ConfigurationError, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


def test_env_bool_accepts_known_words_and_refuses_others(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG", True) is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigurationError, match="FLAG"):
        env_bool("FLAG")


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("N", "12")
    assert env_int("N", 1) == 12
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ConfigurationError, match="whole number"):
        env_int("N", 1)
    monkeypatch.setenv("HOSTS", " a.org, b.org ,,")
    assert env_list("HOSTS") == ["a.org", "b.org"]


def _run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_secret_key_with_debug_off_is_an_error():
    result = _run_manage(
        "check", DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://x@127.0.0.1:1/x")
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = _run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x7Qp9" * 10,
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_each_limit_has_one_default_in_settings():
    """Code reads a limit from settings, never with a second default of its own (the XLSX
    size default was 300 MB in settings and 200 MB in the ingest module)."""
    import re
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    second_default = re.compile(r"""(?:getattr\(settings, |limit\()"([A-Z_]+)", """)
    found = [
        f"{path.relative_to(root)}: {name}"
        for app in ("careerportal", "pathways", "credentials", "alliance", "hiringdata")
        for path in (root / app).rglob("*.py")
        for name in second_default.findall(path.read_text())
        if hasattr(settings, name)
    ]
    assert not found, found
    assert settings.HIRINGDATA_MAX_XLSX_UNCOMPRESSED_BYTES == 300 * 1024 * 1024
