"""Showing translated content: in the page's language when translated, else in English,
marked with lang="en" and a short note, never silently."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.html import conditional_escape, escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language, get_language_bidi, get_language_info
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from careerportal.languages import NOT_YET_TRANSLATED, TRANSLATED_BY_US, WRITTEN_BY

from .authored import authored_order

# Set on the request when a page shows content translated by us (the page then says so once).
SHOWN_TRANSLATED = "_content_translated_shown"


@dataclass(frozen=True)
class FieldText:
    """A translated field's text as a page shows it, and the language that text is in."""

    text: str
    language: str
    # The page's language has no version: the text is in another language (`language`), for
    # content we translate always the English.
    fallback: bool

    def __str__(self) -> str:
        return self.text


def field_text(obj: object, field_name: str, *, language: str | None = None) -> FieldText:
    """The field in the page's language, or in English when it has no translation there."""
    language = language or get_language() or settings.LANGUAGE_CODE
    default = settings.LANGUAGE_CODE
    try:
        translator.get_options_for_model(type(obj))  # type: ignore[arg-type]
    except NotRegistered:
        return FieldText(str(getattr(obj, field_name, "") or ""), language, False)
    english = getattr(obj, build_localized_fieldname(field_name, default)) or ""
    if language == default:
        return FieldText(english, default, False)
    local = getattr(obj, build_localized_fieldname(field_name, language), "") or ""
    if local:
        return FieldText(local, language, False)
    return FieldText(english, default, bool(english))


def authored_text(obj: object, field_name: str, *, language: str | None = None) -> FieldText:
    """Text its author wrote (careerportal.translations.authored), as every page, endpoint and
    mail shows it: the author's version in the reader's language if they wrote one; else their
    English; else their first version in the portal's order of languages. Empty only when they
    wrote it in no language (an optional field left empty)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    for code in authored_order(language):
        text = getattr(obj, build_localized_fieldname(field_name, code), "") or ""
        if text:
            return FieldText(text, code, code != language)
    return FieldText("", language, False)


def language_name(code: str) -> str:
    """A language's own name, as the language switcher shows it ("Español", "Tiếng Việt")."""
    return capfirst(get_language_info(code)["name_local"])


def not_translated_note(language: str | None = None) -> str:
    """ "Not yet translated into Tiếng Việt." in the page's language."""
    code = language or get_language() or settings.LANGUAGE_CODE
    return str(NOT_YET_TRANSLATED) % {"language": get_language_info(code)["name_local"]}


def render_field(
    shown: FieldText,
    *,
    request: HttpRequest | None = None,
    truncate: int = 0,
    paragraphs: bool = False,
    note: bool = True,
) -> SafeString:
    """The text as HTML: escaped, truncated to `truncate` words or split into paragraphs, and
    when it is in another language than the page's (the fallback), wrapped in its lang (and its
    dir when that differs from the page's) with the note beside it."""
    text = Truncator(shown.text).words(truncate) if truncate else shown.text
    body = mark_safe(linebreaks(text, autoescape=True) if paragraphs else escape(text))  # noqa: S308 - escaped
    page_language = get_language() or settings.LANGUAGE_CODE
    if not shown.fallback:
        if request is not None and text and page_language != settings.LANGUAGE_CODE:
            setattr(request, SHOWN_TRANSLATED, True)
        return body
    tag = "div" if paragraphs else "span"
    # Arabic on a left-to-right page runs right to left, and English on an Arabic page left to
    # right (its full stop at its end).
    text_bidi = bool(get_language_info(shown.language)["bidi"])
    direction = ""
    if text_bidi != get_language_bidi():
        direction = ' dir="rtl"' if text_bidi else ' dir="ltr"'
    marked = format_html(
        '<{tag} lang="{lang}"{dir}>{body}</{tag}>',
        tag=tag,
        lang=shown.language,
        dir=mark_safe(direction),  # noqa: S308 - a constant
        body=body,
    )
    if not note:
        return marked
    return format_html(
        '{marked} <{note_tag} class="translation-missing">{note}</{note_tag}>',
        marked=marked,
        note_tag="p" if paragraphs else "small",
        note=not_translated_note(page_language),
    )


def render_authored(
    obj: object, field_name: str, *, author: str, paragraphs: bool = False, note: bool = True
) -> SafeString:
    """Text its author wrote, as authored_text chooses it: a version other than English says who
    wrote it in which language ("Written by Acme in Español."); one not in the page's language
    carries its lang and "Not yet translated into <the page's language>." (note=False for a
    heading: its lang alone). Never counted as translated by us; "" if written in no language."""
    shown = authored_text(obj, field_name)
    if not shown.text:
        return mark_safe("")
    body = render_field(shown, paragraphs=paragraphs, note=False)
    if not note:
        return body
    tag = "p" if paragraphs else "small"
    page_language = get_language() or settings.LANGUAGE_CODE
    parts = [body]
    if shown.language != settings.LANGUAGE_CODE:
        name = language_name(shown.language)
        if shown.language != page_language:
            # The language's own name, marked as such, inside a sentence in the page's language.
            name = format_html('<span lang="{}">{}</span>', shown.language, name)
        credit = escape(str(WRITTEN_BY)) % {
            "author": conditional_escape(author),
            "language": conditional_escape(name),
        }
        parts.append(
            format_html(
                '<{tag} class="translation-author">{credit}</{tag}>',
                tag=tag,
                credit=mark_safe(credit),  # noqa: S308 - built from escaped parts
            )
        )
    if shown.fallback:
        parts.append(
            format_html(
                '<{tag} class="translation-missing">{note}</{tag}>',
                tag=tag,
                note=not_translated_note(page_language),
            )
        )
    return mark_safe(" ".join(parts))  # noqa: S308 - each part is escaped


def translated_note(request: HttpRequest | None) -> str:
    """The note a page with content we translated carries, or "" when it shows none."""
    if request is None or not getattr(request, SHOWN_TRANSLATED, False):
        return ""
    return str(TRANSLATED_BY_US)
