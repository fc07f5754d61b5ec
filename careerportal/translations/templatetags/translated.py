"""{% translated obj "summary" %}: a translated field as the page shows it (see presentation)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..presentation import (
    authored_text,
    field_text,
    render_authored,
    render_field,
    translated_note,
)
from ..presentation import not_translated_note as presentation_note

register = template.Library()


@register.simple_tag(takes_context=True)
def translated(
    context: template.Context,
    obj: object,
    field_name: str,
    truncate: int = 0,
    paragraphs: bool = False,
    note: bool = True,
) -> SafeString:
    """The field in the page's language; in English, marked lang="en" with a note, when it has
    no translation yet. `truncate` words; `paragraphs` splits lines into paragraphs; note=False
    for a name or title (a link, a heading) whose English is marked by its lang alone, the note
    being on the text beside it."""
    return render_field(
        field_text(obj, field_name),
        request=context.get("request"),
        truncate=truncate,
        paragraphs=paragraphs,
        note=note,
    )


@register.simple_tag
def authored(
    obj: object, field_name: str, author: str, paragraphs: bool = False, note: bool = True
) -> SafeString:
    """Text its author wrote: their version in the page's language, else their English, else
    their first version, marked as presentation.render_authored says ("" if none)."""
    return render_authored(obj, field_name, author=author, paragraphs=paragraphs, note=note)


@register.simple_tag
def authored_plain(obj: object, field_name: str) -> str:
    """The same text as {% authored %} chooses, unmarked: for a page title or hidden text, where
    no element can carry its lang."""
    return authored_text(obj, field_name).text


@register.simple_tag(takes_context=True)
def translation_credit(context: template.Context) -> SafeString | str:
    """Once per page, after the content: who translated the content it showed."""
    note = translated_note(context.get("request"))
    return format_html('<p class="translation-credit">{}</p>', note) if note else ""


@register.simple_tag
def not_translated_note() -> str:
    """ "Not yet translated into <the page's language>." """
    return presentation_note()
