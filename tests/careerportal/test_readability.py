"""The grader of plain summaries, on texts whose level is known by hand."""

import pytest

from careerportal.readability import text_reading

# O*NET's own description of 15-1299.05 (Information Security Engineers), first two sentences:
# long sentences of long words, far above grade 6.
ONET_TEXT = (
    "Develop and oversee the implementation of information security procedures and policies. "
    "Build, maintain and upgrade security technology, such as firewalls, for the safe use of "
    "computer networks and the transmission and retrieval of information."
)


def test_flesch_kincaid_matches_the_formula_worked_by_hand():
    # 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45
    reading = text_reading("The cat sat on the mat.", language="en")
    assert reading is not None
    assert reading.formula == "Flesch-Kincaid"
    assert reading.score == pytest.approx(-1.45, abs=0.1)
    assert reading.passes


def test_official_onet_text_is_far_above_the_bar():
    reading = text_reading(ONET_TEXT, language="en")
    assert reading is not None
    assert reading.grade > 12
    assert not reading.passes


def test_fernandez_huerta_matches_the_corrected_formula_worked_by_hand():
    # el ga-to se sen-tó en la al-fom-bra: 11 syllables, 7 words, 1 sentence.
    # 206.84 - 60 * 11/7 - 1.02 * 7 = 105.4 (textstat rounds syllables per word to 0.1: 103.7)
    reading = text_reading("El gato se sentó en la alfombra.", language="es")
    assert reading is not None
    assert reading.formula == "Fernández-Huerta"
    assert reading.score == pytest.approx(105.4, abs=2)
    assert reading.grade == 4
    assert reading.passes


def test_long_spanish_sentence_is_graded_beyond_grade_six():
    text = (
        "La implementación de procedimientos administrativos interinstitucionales requiere "
        "la coordinación permanente de organismos gubernamentales especializados."
    )
    reading = text_reading(text, language="es")
    assert reading is not None
    assert reading.score < 70
    assert reading.grade > 6
    assert not reading.passes


@pytest.mark.parametrize(
    "score,grade,passes",
    [(95.0, 4, True), (85.0, 5, True), (70.0, 6, True), (69.9, 8, False), (55.0, 12, False)],
)
def test_huerta_bands_follow_fernandez_huertas_table(monkeypatch, score, grade, passes):
    from careerportal import readability

    monkeypatch.setattr(readability._meter("es"), "fernandez_huerta", lambda text: score)
    reading = text_reading("Texto.", language="es")
    assert reading is not None
    assert (reading.grade, reading.passes) == (grade, passes)


@pytest.mark.parametrize("language", ["zh-hans", "vi", "tl", "ko", "ar"])
def test_other_languages_are_not_graded(language):
    assert text_reading("Some text.", language=language) is None


def test_an_empty_text_is_not_graded():
    assert text_reading("   ", language="en") is None


def test_a_regional_language_code_is_graded_as_its_language():
    reading = text_reading("El gato se sentó en la alfombra.", language="es-MX")
    assert reading is not None
    assert reading.formula == "Fernández-Huerta"
