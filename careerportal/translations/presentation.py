"""Showing translated content: in the page's language when translated, else in English,
marked with lang="en" and a short note, never silently."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_bidi, get_language_info
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from careerportal.languages import NOT_YET_TRANSLATED, TRANSLATED_BY_US, WRITTEN_BY

# Set on the request when a page shows content translated by us (the page then says so once).
SHOWN_TRANSLATED = "_content_translated_shown"


@dataclass(frozen=True)
class FieldText:
    """A translated field's text as a page shows it, and the language that text is in."""

    text: str
    language: str
    fallback: bool  # the page's language has no translation: the text is the English

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
    when it is the English fallback, wrapped in lang="en" with the note beside it."""
    text = Truncator(shown.text).words(truncate) if truncate else shown.text
    body = mark_safe(linebreaks(text, autoescape=True) if paragraphs else escape(text))  # noqa: S308 - escaped
    page_language = get_language() or settings.LANGUAGE_CODE
    if not shown.fallback:
        if request is not None and text and page_language != settings.LANGUAGE_CODE:
            setattr(request, SHOWN_TRANSLATED, True)
        return body
    tag = "div" if paragraphs else "span"
    # On a right-to-left page the English runs left to right (its full stop at its end).
    direction = ' dir="ltr"' if get_language_bidi() else ""
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
    """Text its author wrote (careerportal.translations.authored): their own version in the
    page's language, saying so ("Written by Acme in Spanish."), or the English, marked as not yet
    translated. Never counted as translated by us."""
    shown = field_text(obj, field_name)
    body = render_field(shown, paragraphs=paragraphs, note=note)
    page_language = get_language() or settings.LANGUAGE_CODE
    if not note or shown.fallback or not shown.text or page_language == settings.LANGUAGE_CODE:
        return body
    credit = str(WRITTEN_BY) % {
        "author": author,
        "language": get_language_info(page_language)["name_translated"],
    }
    return format_html(
        '{body} <{tag} class="translation-author">{credit}</{tag}>',
        body=body,
        tag="p" if paragraphs else "small",
        credit=credit,
    )


def translated_note(request: HttpRequest | None) -> str:
    """The note a page with content we translated carries, or "" when it shows none."""
    if request is None or not getattr(request, SHOWN_TRANSLATED, False):
        return ""
    return str(TRANSLATED_BY_US)
