"""Every summary we ship reads at US grade 6 or lower, in English and Spanish (issue 14).

"Shipped" is what `load_sample_data` and `load_public_data` put in the database, plus the
Spanish plain texts of data/translations/es.csv (read directly, so they are graded before the
translation loader fills the `_es` columns). Program summaries are composed from each program's
facts: they are graded on every loaded state-list program and on one College Scorecard program
per kind of award.
"""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from careerportal.readability import text_reading
from credentials.models import Credential
from credentials.programs.filters import LANGUAGE_CHOICES
from credentials.programs.models import Program, ProgramSource
from credentials.programs.plain import program_plain_summary
from pathways.models import FundingSource, Occupation

SPANISH_FILE = Path(settings.BASE_DIR) / "data" / "translations" / "es.csv"
Text = tuple[str, str, str]  # (what it is, language, text)


@pytest.fixture(scope="module")
def shipped(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The sample data and the carried public data, loaded once for this module, emptied after."""
    with django_db_blocker.unblock():
        call_command("load_sample_data", stdout=io.StringIO())
        call_command("load_public_data", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


# The summaries the plain-words bar is for (issue #14: credential, occupation, funding); the
# file also carries other Spanish content (price notes, hiring guides), which is not graded.
SUMMARY_FIELDS = {
    ("credentials.credential", "summary"),
    ("pathways.occupation", "description"),
    ("pathways.fundingsource", "summary"),
}


def _spanish_rows() -> list[dict[str, str]]:
    """The summary rows of the Spanish translation file."""
    with SPANISH_FILE.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if (r["model"], r["field"]) in SUMMARY_FIELDS]


def _stored_texts() -> Iterator[Text]:
    for language in ("en", "es"):
        for slug, text in Credential.objects.values_list("slug", f"summary_{language}"):
            yield f"credential {slug} summary", language, text or ""
        for code, text in Occupation.objects.values_list("soc_code", f"description_{language}"):
            yield f"occupation {code} description", language, text or ""
        for slug, text in FundingSource.objects.values_list("slug", f"summary_{language}"):
            yield f"funding source {slug} summary", language, text or ""


def _above_the_bar(texts: Iterator[Text]) -> list[str]:
    failures = []
    for what, language, text in texts:
        reading = text_reading(text, language=language)
        if reading is not None and not reading.passes:
            failures.append(f"{what} [{language}]: {reading} -- {text}")
    return failures


def test_every_stored_summary_reads_at_grade_six_or_lower(shipped, db):
    failures = _above_the_bar(_stored_texts())
    assert not failures, "above the plain-words bar:\n" + "\n".join(failures)


def test_every_spanish_plain_text_in_the_translation_file_reads_at_grade_six_or_lower():
    rows = _spanish_rows()
    assert rows
    texts = (
        (f"{r['model']} {r['key']} {r['field']} (data/translations/es.csv)", "es", r["text"])
        for r in rows
    )
    failures = _above_the_bar(texts)
    assert not failures, "above the plain-words bar:\n" + "\n".join(failures)


def test_every_spanish_plain_text_translates_the_english_now_shipped(shipped, db):
    english = {
        ("credentials.credential", slug, "summary"): text
        for slug, text in Credential.objects.values_list("slug", "summary_en")
    } | {
        ("pathways.occupation", code, "description"): text
        for code, text in Occupation.objects.values_list("soc_code", "description_en")
    }
    stale = [
        f"{r['model']} {r['key']} {r['field']}"
        for r in _spanish_rows()
        if english.get((r["model"], r["key"], r["field"])) != r["source"]
    ]
    assert not stale, f"translations of an English text no longer shipped: {stale}"


def test_every_tech_family_occupation_credential_and_funding_source_has_a_plain_text(shipped, db):
    assert Occupation.objects.tech_family().count() > 16  # O*NET's additions are loaded
    without = Occupation.objects.tech_family().filter(description_en="")
    missing = [
        *without.values_list("soc_code", flat=True),
        *Credential.objects.filter(summary_en="").values_list("slug", flat=True),
        *FundingSource.objects.filter(summary_en="").values_list("slug", flat=True),
    ]
    assert not missing, f"no plain text: {missing}"


def _graded_programs() -> list[Program]:
    state_lists = list(Program.objects.filter(source=ProgramSource.ETPL))
    one_per_award = list(
        Program.objects.filter(source=ProgramSource.SCORECARD)
        .order_by("credential_earned", "pk")
        .distinct("credential_earned")
    )
    return state_lists + one_per_award


@pytest.mark.parametrize("language", ["en", "es"])
def test_composed_program_summaries_read_at_grade_six_or_lower(shipped, db, language):
    programs = _graded_programs()
    assert len(programs) > 100
    failures = []
    with translation.override(language):
        names = dict(LANGUAGE_CHOICES)
        for program in programs:
            language_names = [str(names.get(code, code)) for code in program.languages]
            text = program_plain_summary(program, language_names=language_names)
            reading = text_reading(text, language=language)
            assert reading is not None, f"program {program.pk} has no summary"
            if not reading.passes:
                failures.append(f"program {program.pk} [{language}]: {reading} -- {text}")
    assert not failures, "above the plain-words bar:\n" + "\n".join(failures)
