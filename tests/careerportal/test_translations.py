"""Every UI string has a Spanish translation, and the compiled catalog matches its source."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_spanish_catalog_is_complete_and_not_fuzzy():
    catalog = polib.pofile(str(PO))
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


def test_compiled_catalog_matches_the_po_file(tmp_path):
    compiled = tmp_path / "django.mo"
    polib.pofile(str(PO)).save_as_mofile(str(compiled))
    committed = polib.mofile(str(PO.with_suffix(".mo")))
    fresh = polib.mofile(str(compiled))
    assert {(e.msgid, e.msgstr) for e in committed} == {(e.msgid, e.msgstr) for e in fresh}, (
        "locale/es/LC_MESSAGES/django.mo is stale: run `manage.py compile_translations`"
    )


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) is not installed")
def test_every_string_in_the_code_is_in_the_catalog(tmp_path):
    """Extract the strings afresh and check each one has a translation in the committed catalog."""
    shutil.copytree(
        ROOT,
        tmp_path / "src",
        ignore=shutil.ignore_patterns(
            ".venv", "var", ".git", "node_modules", "static", "*.pyc", "bench"
        ),
    )
    src = tmp_path / "src"
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "es",
            "--no-obsolete",
            "--ignore",
            "tests/*",
        ],
        cwd=src,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "careerportal.settings_test",
            **{k: v for k, v in __import__("os").environ.items() if k in {"DATABASE_URL", "HOME"}},
        },
    )
    extracted = polib.pofile(str(src / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    committed = {e.msgid: e for e in polib.pofile(str(PO))}
    missing = [
        e.msgid
        for e in extracted
        if e.msgid not in committed or not committed[e.msgid].translated()
    ]
    assert not missing, (
        f"strings without a Spanish translation (run `make messages`): {missing[:15]}"
    )
