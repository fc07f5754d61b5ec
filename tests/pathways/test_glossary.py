"""The glossary: its file, its page, and pages linking a word's first use to it."""

import re

import pytest

from pathways.glossary import GlossaryFileError, Term, glossary_read, link_first_uses

WIOA = Term("wioa", "WIOA", ("WIOA",), "Workforce Innovation and Opportunity Act", "A law.", "")
MEDIAN = Term("median", "median", ("median",), "", "The middle number.", "")
CREDENTIAL = Term(
    "credential", "credential", ("credentials", "credential"), "", "Proof of a skill.", ""
)
TERMS = [WIOA, MEDIAN, CREDENTIAL]


def linked(page: str) -> str:
    return link_first_uses(page, terms=TERMS, glossary_url="/glossary/")


def test_first_use_is_linked_and_abbreviations_expanded():
    page = linked("<main><p>WIOA pays. WIOA again. The Median wage, the median.</p></main>")
    assert page.count('href="/glossary/#wioa"') == 1
    assert '<abbr title="Workforce Innovation and Opportunity Act">WIOA</abbr>' in page
    # A lower-case word matches at the start of a sentence too, once.
    assert '<a class="glossary-term" href="/glossary/#median">Median</a>' in page
    assert page.count("glossary-term") == 2


def test_links_headings_controls_and_outside_main_are_left_alone():
    page = linked(
        "<header>WIOA</header><main><h2>Median pay</h2><a href='/x'>WIOA</a>"
        "<button>credentials</button><p>Some credentials and the median.</p></main><p>WIOA</p>"
    )
    assert page.startswith("<header>WIOA</header>") and page.endswith("<p>WIOA</p>")
    assert "<h2>Median pay</h2>" in page and "<a href='/x'>WIOA</a>" in page
    assert "<button>credentials</button>" in page
    assert re.search(r'href="/glossary/#credential">credentials</a> and the <a[^>]+>median', page)
    assert "#wioa" not in page  # its only use in main was inside a link


def test_exact_forms_and_word_edges():
    page = linked("<main><p>wioa, mediana, MEDIANS, credentialing, /median/</p></main>")
    assert "glossary-term" not in page


def test_a_page_without_main_is_unchanged():
    page = "<p>WIOA</p>"
    assert linked(page) is page


def test_the_shipped_file_has_every_word_in_every_language():
    read = glossary_read()
    assert set(read) == {"en", "es", "zh-hans", "vi", "tl", "ko", "ar"}
    english, spanish = read["en"], read["es"]
    for code in ("zh-hans", "vi", "tl", "ko", "ar"):  # translated, or the English marked so
        assert [t.slug for t in read[code]] == [t.slug for t in english]
        assert {t.language for t in read[code]} <= {code, "en"}
    assert len(english) == len(spanish) >= 30
    wioa = {t.slug: t for t in spanish}["wioa"]
    assert wioa.expansion == "Ley de Innovación y Oportunidades de la Fuerza Laboral"
    assert all(t.term and t.definition for t in english + spanish)


def test_a_file_with_an_empty_definition_is_refused_with_row_and_column(tmp_path):
    bad = tmp_path / "glossary.csv"
    bad.write_text(
        "slug,term_en,definition_en,term_es,definition_es\n"
        "wioa,WIOA,A law.,WIOA,Una ley.\n"
        "median,median,,mediana,El número del medio.\n",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryFileError, match=r"row 3: column 'definition_en' is empty"):
        glossary_read(path=bad)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "heading", "definition"),
    [
        ("", "Words we use", "The middle number."),
        ("/es", "Palabras que usamos", "El número del medio."),
    ],
)
def test_the_glossary_page_in_each_language(client, prefix, heading, definition):
    page = client.get(f"{prefix}/glossary/").content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert definition in page
    assert 'id="wioa"' in page
    assert "glossary-term" not in page  # the glossary does not link to itself


@pytest.mark.django_db
def test_funding_page_links_its_first_wioa_to_the_glossary(client, sample_data):
    page = client.get("/funding/").content.decode()
    main = page[page.index("<main") :]
    assert main.count('href="/glossary/#wioa"') == 1
    assert "Workforce Innovation and Opportunity Act" in main
    es = client.get("/es/funding/").content.decode()
    assert 'href="/es/glossary/#' in es


def test_text_after_a_cut_out_select_or_svg_is_linked_in_the_right_place():
    page = linked(
        "<main><label>Job</label><select><option>median</option></select>"
        "<p>The <a href='/a'><svg><path/></svg>WIOA</a> median and WIOA.</p></main>"
    )
    assert "<option>median</option>" in page
    assert "<a href='/a'><svg><path/></svg>WIOA</a>" in page  # the link text stays a link
    assert page.endswith(
        ' <a class="glossary-term" href="/glossary/#median">median</a> and <a class="glossary-term"'
        ' href="/glossary/#wioa"><abbr title="Workforce Innovation and Opportunity Act">WIOA</abbr>'
        "</a>.</p></main>"
    )


def test_nothing_is_linked_inside_what_assistive_technology_does_not_see():
    page = linked(
        '<main><div class="chart" aria-hidden="true"><div>WIOA <div>median</div></div></div>'
        "<p>WIOA</p></main>"
    )
    assert '<div class="chart" aria-hidden="true"><div>WIOA <div>median</div></div></div>' in page
    assert page.count("glossary-term") == 1 and "<p><a" in page


def test_other_languages_come_from_the_translation_file_and_a_stale_one_is_english(
    tmp_path, monkeypatch
):
    from careerportal.translations import files

    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    (tmp_path / "vi.csv").write_text(
        "model,key,field,source,text,translated_by\n"
        "glossary.term,median,term,median,trung vị,portal team (not professional)\n"
        'glossary.term,median,definition,"The middle number. Half are above, half below.",'
        "Số ở giữa.,portal team (not professional)\n"
        "glossary.term,wioa,term,WIOA,WIOA,portal team (not professional)\n"
        "glossary.term,wioa,definition,An old English text.,Một luật.,portal team\n",
        encoding="utf-8",
    )
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(
        "slug,term_en,definition_en,term_es,definition_es\n"
        "wioa,WIOA,A law.,WIOA,Una ley.\n"
        'median,median,"The middle number. Half are above, half below.",mediana,El medio.\n',
        encoding="utf-8",
    )
    vietnamese = {t.slug: t for t in glossary_read(path=glossary)["vi"]}
    assert (vietnamese["median"].term, vietnamese["median"].definition) == (
        "trung vị",
        "Số ở giữa.",
    )
    assert vietnamese["median"].language == "vi"
    # The English of "wioa" changed since it was translated: shown in English, marked as such.
    assert (vietnamese["wioa"].definition, vietnamese["wioa"].language) == ("A law.", "en")
