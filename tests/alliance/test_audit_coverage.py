"""Every decision and edit in the Alliance's apps writes an AuditEntry.

Read from the source of each app's services (the only place these apps write): a function that
saves, creates, updates or deletes rows must record an audit entry itself, or call one of the
module's functions that does, or be a private helper called only by audited functions. The
pages and API reach their writes through these services (tests/alliance/test_roles.py checks
that each allowed write through a page or endpoint adds an entry).
"""

import ast
from pathlib import Path

import pytest
from django.utils import timezone

from alliance import services
from alliance.models import AuditEntry, CommitmentKind, CommitmentStatus

from .factories import CommitmentFactory

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "alliance/services.py",
    "alliance/taskforce/services.py",
    "alliance/providers/services.py",
    "alliance/reconvening/services.py",
]
WRITES = {
    "save",
    "create",
    "bulk_create",
    "bulk_update",
    "update",
    "delete",
    "update_or_create",
    "get_or_create",
}
# Writes that are not decisions or edits, and why.
NOT_AUDITED = {
    "alliance/services.py:audit_record": "it is the audit log's own write",
}


def _calls(fn: ast.FunctionDef) -> tuple[set[str], set[str]]:
    """Names called directly, and attribute names called (x.save() gives 'save')."""
    names, attrs = set(), set()
    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                names.add(node.func.id)
            elif isinstance(node.func, ast.Attribute):
                attrs.add(node.func.attr)
        if isinstance(node, ast.Name) and node.id == "AuditEntry":
            names.add("AuditEntry")
    return names, attrs


def unaudited_writes(path: str) -> list[str]:
    tree = ast.parse((ROOT / path).read_text())
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    calls = {name: _calls(fn) for name, fn in funcs.items()}

    def audited(name: str, seen: frozenset[str] = frozenset()) -> bool:
        names, _ = calls[name]
        if names & {"audit_record", "AuditEntry"}:
            return True
        return any(n in funcs and n not in seen and audited(n, seen | {name}) for n in names)

    def callers(name: str) -> list[str]:
        return [other for other, (names, _) in calls.items() if name in names]

    out = []
    for name in funcs:
        if not calls[name][1] & WRITES or audited(name):
            continue
        if f"{path}:{name}" in NOT_AUDITED:
            continue
        # A private helper is covered when every function calling it is audited.
        helper_callers = callers(name)
        if name.startswith("_") and helper_callers and all(audited(c) for c in helper_callers):
            continue
        out.append(f"{path}:{name}")
    return out


@pytest.mark.parametrize("path", MODULES)
def test_every_write_in_the_services_is_audited(path):
    assert unaudited_writes(path) == []


def test_the_scan_finds_an_unaudited_write(tmp_path, monkeypatch):
    # The check itself can fail: a write with no audit entry is reported.
    source = tmp_path / "services.py"
    source.write_text(
        "def audited(x):\n    x.save()\n    audit_record(obj=x)\n\n"
        "def forgotten(x):\n    x.delete()\n\n"
        "def _helper(x):\n    x.save()\n\n"
        "def uses_helper(x):\n    _helper(x)\n    audit_record(obj=x)\n"
    )
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert unaudited_writes("services.py") == ["services.py:forgotten"]


@pytest.mark.django_db
def test_a_filed_data_file_marking_commitments_done_is_audited(member):
    commitment = CommitmentFactory(member=member, kind=CommitmentKind.HIRING_DATA)
    assert services.commitments_hiring_data_filed(member_id=member.pk, filed_at=timezone.now()) == 1
    entry = AuditEntry.objects.get(action="commitment.data_filed")
    assert entry.object_id == str(commitment.pk) and entry.member == member
    assert entry.after["status"] == CommitmentStatus.DATA_SUBMITTED
    # Running again changes nothing and logs nothing.
    assert services.commitments_hiring_data_filed(member_id=member.pk, filed_at=timezone.now()) == 0
    assert AuditEntry.objects.count() == 1
