"""The publishers' real files in ../shared/data/public/, and broken copies derived from them."""

import lzma
from pathlib import Path

import pytest
from django.conf import settings

# Beside the clone (CI, /work/main); a worktree under /work/wt/ has it one level further up.
_CANDIDATES = [
    Path(settings.BASE_DIR).parent / "shared" / "data" / "public",
    Path(settings.BASE_DIR).parent.parent / "shared" / "data" / "public",
]
PUBLIC = next((p for p in _CANDIDATES if p.exists()), _CANDIDATES[0])
CARRIED = Path(settings.BASE_DIR) / "data" / "public"


def public_file(relative: str) -> Path:
    """A real published file; the test is skipped when the shared folder is absent."""
    path = PUBLIC / relative
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


def derived(tmp_path: Path, source: Path, edit, *, name: str | None = None) -> Path:
    """A copy of a real file with `edit(lines) -> lines` applied (bytes lines, endings kept)."""
    if source.suffix == ".xz":
        with lzma.open(source) as handle:
            data = handle.read()
    else:
        data = source.read_bytes()
    lines = data.splitlines(keepends=True)
    target = tmp_path / (name or source.name.removesuffix(".xz"))
    target.write_bytes(b"".join(edit(lines)))
    return target
