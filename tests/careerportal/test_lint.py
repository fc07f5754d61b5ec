"""The tree passes `ruff check` and `ruff format --check`, so CI enforces what `make lint` does.

mypy also runs in `make lint` and the pre-commit hook, but not here: it takes ~25 s on two cores.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "command",
    [["check", "--no-fix", "."], ["format", "--check", "."]],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff_is_clean(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (
        f"`ruff {' '.join(command)}` failed; run `make lint`:\n{result.stdout}{result.stderr}"
    )
