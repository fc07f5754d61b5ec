"""Every UI string has a translation in every language of the site, and each compiled catalog
matches its source. The completeness check is one test per language, so a language still being
translated shows as its own failure."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
# Django's locale directory of each language of the site but English (zh-hans -> zh_Hans).
LOCALES = ["es", "zh_Hans", "vi", "tl", "ko", "ar"]
PLURALS = {"es": 2, "zh_Hans": 1, "vi": 1, "tl": 2, "ko": 1, "ar": 6}


def po_path(locale: str) -> Path:
    return ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"


def test_every_language_of_the_site_has_a_catalog():
    from django.conf import settings
    from django.utils.translation import to_locale

    assert sorted(to_locale(code) for code, _name in settings.LANGUAGES if code != "en") == sorted(
        LOCALES
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_complete(locale):
    """Every string translated. Fails, by name, for a language still being translated."""
    catalog = polib.pofile(str(po_path(locale)))
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    assert not untranslated, (
        f"{locale}: {len(untranslated)} of {len(catalog)} strings untranslated, e.g. "
        f"{untranslated[:10]}"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_has_no_fuzzy_entry_and_the_right_plural_forms(locale):
    catalog = polib.pofile(str(po_path(locale)))
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert not fuzzy, f"{locale}: fuzzy (Django ignores them): {fuzzy[:10]}"
    assert not catalog.metadata_is_fuzzy, f"{locale}: the header is marked fuzzy"
    assert f"nplurals={PLURALS[locale]};" in catalog.metadata["Plural-Forms"]
    for entry in catalog.translated_entries():
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == PLURALS[locale], (locale, entry.msgid)


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalog_matches_the_po_file(tmp_path, locale):
    po = po_path(locale)
    compiled = tmp_path / "django.mo"
    polib.pofile(str(po)).save_as_mofile(str(compiled))
    committed = polib.mofile(str(po.with_suffix(".mo")))
    fresh = polib.mofile(str(compiled))
    assert {(e.msgid, e.msgstr) for e in committed} == {(e.msgid, e.msgstr) for e in fresh}, (
        f"locale/{locale}/LC_MESSAGES/django.mo is stale: run `manage.py compile_translations`"
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
    # Every other catalog has every string to translate (whether translated yet is
    # test_catalog_is_complete's business).
    absent = {
        locale: sorted({e.msgid for e in extracted} - {e.msgid for e in polib.pofile(str(path))})
        for locale in LOCALES
        for path in [po_path(locale)]
    }
    absent = {locale: msgids[:5] for locale, msgids in absent.items() if msgids}
    assert not absent, f"strings missing from catalogs (run `make messages`): {absent}"
