"""The glossary: reading it, and linking a page's first use of each word to it.

The words and their plain definitions are written by the portal team in data/glossary.csv, one
row per word with columns for English and Spanish (term_en, definition_es, ...). The other
languages come from the content translation files, data/translations/<lang>.csv, rows of the
model "glossary.term" keyed by slug (docs/translations.md); a word not translated yet is shown in
English and says so. The glossary page says who wrote it. The files are read once per process:
pages pay no query for them.
"""

import bisect
import csv
import functools
import html
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation

GLOSSARY_FILE = Path(settings.BASE_DIR) / "data" / "glossary.csv"


class GlossaryFileError(ValueError):
    """The glossary file cannot be used as it is (the message names the row and column)."""


# The languages written in data/glossary.csv itself; the others come from translation files.
FILE_LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    forms: tuple[str, ...]  # the term and the other forms that count as it, longest first
    expansion: str  # what an abbreviation stands for ("Workforce Innovation ..."), or ""
    definition: str
    source_url: str  # where to read more (the agency's page), or ""
    language: str = "en"  # the language of the definition (English while not translated)


def _file_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def glossary_english_rows(*, path: Path = GLOSSARY_FILE) -> dict[str, dict[str, str]]:
    """The English cells of each word by slug ({"term": ..., "definition": ...}), which the
    translation files translate."""
    return {
        row["slug"].strip(): {
            name: (row.get(f"{name}_en") or "").strip()
            for name in ("term", "aliases", "expansion", "definition")
        }
        for row in _file_rows(path)
    }


def _translated_cells(language: str, english: dict[str, dict[str, str]]) -> dict[str, dict]:
    """The glossary.term rows of a language's translation file whose English source is still
    the English of the word: {slug: {field: text}}."""
    from careerportal.translations.files import translation_file, translation_rows
    from careerportal.translations.keys import GLOSSARY
    from careerportal.translations.services import same_text

    rows, _errors = translation_rows(translation_file(language))  # load_translations reports
    cells: dict[str, dict[str, str]] = {}
    for row in rows:
        if row.model != GLOSSARY or row.key not in english:
            continue
        if same_text(row.source, english[row.key].get(row.field)):
            cells.setdefault(row.key, {})[row.field] = row.text
    return cells


def glossary_read(*, path: Path = GLOSSARY_FILE) -> dict[str, list[Term]]:
    """Every word in every language of the site, checked: a required cell left empty or a
    repeated slug is refused with its row and column."""
    languages = [code for code, _name in settings.LANGUAGES if code in FILE_LANGUAGES]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    slugs = [row.get("slug", "") for row in rows]
    required = [
        "slug",
        *(f"{name}_{code}" for code in languages for name in ("term", "definition")),
    ]
    for number, row in enumerate(rows, start=2):
        for column in required:
            if not (row.get(column) or "").strip():
                raise GlossaryFileError(f"{path.name}, row {number}: column {column!r} is empty.")
        if slugs.count(row["slug"]) > 1:
            raise GlossaryFileError(f"{path.name}, row {number}: slug {row['slug']!r} repeats.")

    def term(row: dict[str, str], code: str) -> Term:
        cell = {name: (row.get(f"{name}_{code}") or "").strip() for name in
                ("term", "aliases", "expansion", "definition")}  # fmt: skip
        forms = {cell["term"], *(a.strip() for a in cell["aliases"].split("|"))} - {""}
        return Term(
            slug=row["slug"].strip(),
            term=cell["term"],
            forms=tuple(sorted(forms, key=len, reverse=True)),
            expansion=cell["expansion"],
            definition=cell["definition"],
            source_url=(row.get("source_url") or "").strip(),
            language=code,
        )

    read = {code: [term(row, code) for row in rows] for code in languages}
    english = {t.slug: t for t in read["en"]}
    english_cells = glossary_english_rows(path=path)
    for code, _name in settings.LANGUAGES:
        if code in read:
            continue
        cells = _translated_cells(code, english_cells)
        read[code] = [
            _term_translated(english[slug], cells[slug], code) if slug in cells else english[slug]
            for slug in english
        ]
    return read


def _term_translated(english: Term, cells: dict[str, str], language: str) -> Term:
    """A word with its translated definition; a word whose definition is not translated is
    shown in English."""
    if "definition" not in cells or "term" not in cells:
        return english
    aliases = (a.strip() for a in cells.get("aliases", "").split("|"))
    forms = {cells["term"], *aliases} - {""}
    return Term(
        slug=english.slug,
        term=cells["term"],
        forms=tuple(sorted(forms, key=len, reverse=True)),
        expansion=cells.get("expansion", english.expansion if english.expansion else ""),
        definition=cells["definition"],
        source_url=english.source_url,
        language=language,
    )


@functools.cache
def _glossary() -> dict[str, list[Term]]:
    return glossary_read()


def glossary_terms() -> list[Term]:
    """Every word in the active language, in the file's order."""
    terms = _glossary()
    return terms.get(translation.get_language() or "", terms[settings.LANGUAGE_CODE])


# Text inside these elements is left alone: links, headings, controls, code and the like.
_SKIP = (
    "a", "abbr", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "label",
    "option", "pre", "script", "select", "style", "summary", "svg", "textarea", "title",
)  # fmt: skip
_WORD = re.compile(r"[\w-]")


def _positions(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


_SKIP_TAG = re.compile(r"<(/?)(" + "|".join(_SKIP) + r")[\s>]")


def _skipped_spans(main: str) -> tuple[list[int], list[int]]:
    """The stretches of `main` inside skipped elements, merged and in order (begins, ends).

    None of the skipped elements nests inside itself in valid HTML, so each opening tag pairs
    with the next closing tag of its name.
    """
    opened: dict[str, int] = {}
    spans = []
    for tag in _SKIP_TAG.finditer(main):
        closing, name = tag.group(1), tag.group(2)
        if not closing:
            opened.setdefault(name, tag.start())
        elif name in opened:
            spans.append((opened.pop(name), tag.end()))
    spans += [(begin, len(main)) for begin in opened.values()]
    begins: list[int] = []
    ends: list[int] = []
    for begin, end in sorted(spans):
        if ends and begin <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            begins.append(begin)
            ends.append(end)
    return begins, ends


def _linkable(main: str, start: int, end: int, spans: tuple[list[int], list[int]]) -> bool:
    """A whole word (not part of a longer word or a path), in text: not in a tag or skipped."""
    if start and (_WORD.match(main, start - 1) or main[start - 1] == "/"):
        return False
    if _WORD.match(main, end):
        return False
    if main.rfind("<", 0, start) > main.rfind(">", 0, start):
        return False  # inside a tag: an attribute value
    begins, ends = spans
    index = bisect.bisect_right(begins, start) - 1
    return index < 0 or start >= ends[index]


def _variants(form: str) -> set[str]:
    """A lower-case form also matches with a capital first letter ("Median"); others exactly."""
    escaped = html.escape(form, quote=False)  # the page text is HTML-escaped ("&amp;")
    return {escaped, escaped[0].upper() + escaped[1:]} if form == form.lower() else {escaped}


# Elements none of whose text is linked, cut out before the search: big ones with no prose (a
# select of a thousand jobs) and ones hidden from assistive technology, where a link would be
# a focusable element nobody is told about.
_CONTAINER = re.compile(
    r"<(select|svg|script|style|textarea|template)[\s>]"
    r"|<([a-zA-Z][a-zA-Z0-9]*)\s[^>]*\baria-hidden=\"true\"[^>]*>"
)


def _element_end(main: str, name: str, after: int) -> int:
    """Where the element of this name opened just before `after` ends (nesting counted)."""
    depth = 1
    for tag in re.finditer(rf"<(/?){name}[\s>/]", main[after:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            close = main.find(">", after + tag.end() - 1)
            return len(main) if close < 0 else close + 1
    return len(main)


def _outside_containers(main: str) -> list[tuple[int, int]]:
    """The stretches of `main` outside the elements above."""
    kept, at = [], 0
    for tag in _CONTAINER.finditer(main):
        if tag.start() < at:
            continue
        kept.append((at, tag.start()))
        at = _element_end(main, tag.group(1) or tag.group(2), tag.end())
    kept.append((at, len(main)))
    return kept


def link_first_uses(page: str, *, terms: list[Term], glossary_url: str) -> str:
    """Link the first use of each term inside <main> to its glossary entry, expanding
    abbreviations with <abbr title>. Text in links, headings and controls is left alone."""
    start = page.find("<main")
    end = page.rfind("</main>")
    if start < 0 or end < start or not terms:
        return page
    main = page[start:end]
    # Search without the big elements no text of which is linked (a select of a thousand jobs).
    kept = _outside_containers(main)
    text = "".join(main[a:b] for a, b in kept)
    text_starts = list(itertools.accumulate((b - a for a, b in kept[:-1]), initial=0))

    def in_main(at: int) -> tuple[int, int]:
        """Where a position of `text` is in `main`, and which kept stretch it falls in."""
        index = bisect.bisect_right(text_starts, at) - 1
        return kept[index][0] + at - text_starts[index], index

    spans = _skipped_spans(text)
    first: list[tuple[int, int, Term]] = []
    for term in terms:
        best: tuple[int, int, Term] | None = None
        for variant in {v for form in term.forms for v in _variants(form)}:
            for at in _positions(text, variant):
                if best is not None and at >= best[0]:
                    break
                if _linkable(text, at, at + len(variant), spans):
                    best = (at, at + len(variant), term)
                    break
        if best is not None:
            first.append(best)
    first = [
        (begin, begin + finish - at, term)
        for at, finish, term in first
        for begin, index in [in_main(at)]
        if in_main(finish - 1)[1] == index  # not across a cut-out element
    ]
    if not first:
        return page
    out: list[str] = []
    done = 0
    for begin, finish, term in sorted(first, key=lambda use: (use[0], -use[1])):
        if begin < done:
            continue  # overlaps a longer or earlier word already linked
        text = main[begin:finish]
        label = (
            f'<abbr title="{html.escape(term.expansion)}">{text}</abbr>' if term.expansion else text
        )
        out += [
            main[done:begin],
            f'<a class="glossary-term" href="{glossary_url}#{term.slug}">{label}</a>',
        ]
        done = finish
    return page[:start] + "".join(out) + main[done:] + page[end:]
