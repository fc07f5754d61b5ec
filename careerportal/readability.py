"""How hard a text is to read, as a US school grade: the bar for our plain summaries.

English: the Flesch-Kincaid grade level. Spanish: Fernández-Huerta's readability score, read
against Fernández Huerta's own table, which gives each band of the score a school grade
(70-80 "algo fácil", 6º grado; 80-90 5º; 90-100 4º). The table and the corrected formula
(L = 206.84 - 0.60 P - 1.02 F, P syllables per 100 words, F words per sentence; Gwillim Law,
2011) are reproduced at https://legible.es/blog/lecturabilidad-fernandez-huerta/, the page
textstat itself cites. So the Spanish bar is a score of 70 or more: grade 6 or lower on that
table. Other languages have no formula here and are not graded (None).

textstat is pinned at 0.7.4: later releases look English words up in NLTK's CMU dictionary and
download it on first use, which a server without a network cannot do; 0.7.4 counts syllables
with Pyphen's hyphenation dictionaries, which ship inside the wheel.
"""

from dataclasses import dataclass
from functools import cache

from textstat.textstat import textstatistics

# The bar: a plain summary reads at US grade 6 or lower.
GRADE_BAR = 6
# Fernández-Huerta scores from 70 up are grade 6 or lower on Fernández Huerta's table.
FERNANDEZ_HUERTA_BAR = 70.0
# (lowest score of the band, the grade the table gives it); below 50 the table leaves school.
FERNANDEZ_HUERTA_TABLE = ((90.0, 4), (80.0, 5), (70.0, 6), (60.0, 8), (50.0, 12))
BEYOND_SCHOOL = 13


@dataclass(frozen=True)
class Reading:
    """A text's measured reading level."""

    language: str
    formula: str
    score: float  # the formula's own number (a grade for Flesch-Kincaid, 0-100 for Huerta)
    grade: float  # the US school grade it stands for
    passes: bool  # at or under the bar

    def __str__(self) -> str:
        if self.formula == FLESCH_KINCAID:
            return f"{self.formula} grade {self.score:.1f}"
        return f"{self.formula} {self.score:.1f} (grade {self.grade:.0f} on its table)"


FLESCH_KINCAID = "Flesch-Kincaid"
FERNANDEZ_HUERTA = "Fernández-Huerta"
GRADED_LANGUAGES = ("en", "es")


@cache
def _meter(language: str) -> textstatistics:
    # One instance per language: textstat's module-level object keeps the language as state.
    meter = textstatistics()
    meter.set_lang(language)
    return meter


def _huerta_grade(score: float) -> int:
    for lowest, grade in FERNANDEZ_HUERTA_TABLE:
        if score >= lowest:
            return grade
    return BEYOND_SCHOOL


def text_reading(text: str, *, language: str) -> Reading | None:
    """Grade a text in English or Spanish; None for other languages or an empty text."""
    language = language.split("-")[0].lower()
    if language not in GRADED_LANGUAGES or not text.strip():
        return None
    meter = _meter(language)
    if language == "en":
        grade = float(meter.flesch_kincaid_grade(text))
        return Reading(language, FLESCH_KINCAID, grade, grade, grade <= GRADE_BAR)
    score = float(meter.fernandez_huerta(text))
    return Reading(
        language, FERNANDEZ_HUERTA, score, _huerta_grade(score), score >= FERNANDEZ_HUERTA_BAR
    )
