"""Text its author writes in several languages: members' recommitments, plans, milestones and
needs, providers' answers, the task force's spotlights. The author writes it in English, in any
of the portal's other languages, or in several (at least one); the portal never translates it
(so the translation files and the translators' sheet leave these fields alone), and a page says
who wrote the version it shows.

The versions live in modeltranslation's columns (statement_en, statement_es, ...), registered
in the app's translation.py like any translated field. Which version a reader gets is one rule,
AUTHORED_FALLBACK (presentation.authored_text reads it; so does modeltranslation, for
`obj.statement`)."""

import copy
from collections.abc import Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import BoundField
from django.utils.text import format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .files import translation_languages

# The models whose translated fields are written by their authors (app_label.modelname).
AUTHORED = (
    "reconvening.recommitment",
    "reconvening.accessplan",
    "reconvening.milestone",
    "reconvening.need",
    "reconvening.needanswer",
    "reconvening.spotlight",
)


# A reader without the author's version in their language gets the English if the author wrote
# one, else the first version in the portal's order of languages (modeltranslation's
# fallback_languages format: the reader's language is always tried first).
AUTHORED_FALLBACK = {"default": (settings.LANGUAGE_CODE, *translation_languages())}

# The refusal of a text written in no language (shown on the English field of the form).
NOT_WRITTEN = _(
    "Write it in at least one language: in English, or in one of the other languages below."
)


def authored_languages() -> tuple[str, ...]:
    """Every language an author may write in, in the order a missing version falls back."""
    return AUTHORED_FALLBACK["default"]


def authored_order(language: str) -> tuple[str, ...]:
    """The versions to try for a reader, in order: their language's, then AUTHORED_FALLBACK's
    (modeltranslation's resolution order for these fields)."""
    return (language, *(code for code in authored_languages() if code != language))


def written_in_some_language(name: str) -> Q:
    """A database check that the field has text in at least one language column (NULL and ""
    are no text; each term is true or false, never NULL, so the check cannot pass on NULLs)."""
    written = Q()
    for code in authored_languages():
        column = build_localized_fieldname(name, code)
        written |= Q(**{f"{column}__isnull": False, f"{column}__gt": ""})
    return written


def authored_columns(
    *,
    english: Mapping[str, str],
    versions: Mapping[str, Mapping[str, str]] | None = None,
    optional: tuple[str, ...] = (),
) -> dict[str, str]:
    """Every language column of each field: the English, and the author's own version in each
    other language ("" where they gave none, so nothing is copied in from another language).

    A field not in `optional` written in no language at all is refused (NOT_WRITTEN)."""
    columns = {}
    unwritten = {}
    for name, text in english.items():
        given = (versions or {}).get(name, {})
        columns[build_localized_fieldname(name, "en")] = text.strip()
        for code in translation_languages():
            columns[build_localized_fieldname(name, code)] = (given.get(code) or "").strip()
        if name not in optional and not any(
            columns[build_localized_fieldname(name, code)] for code in authored_languages()
        ):
            unwritten[name] = NOT_WRITTEN
    if unwritten:
        raise ValidationError(unwritten)
    return columns


def authored_state(obj: object, names: tuple[str, ...]) -> dict[str, Any]:
    """What the audit log keeps of the fields: the English, and each version the author gave."""
    state: dict[str, Any] = {}
    for name in names:
        state[name] = getattr(obj, build_localized_fieldname(name, "en")) or ""
        given = {
            code: text
            for code in translation_languages()
            if (text := getattr(obj, build_localized_fieldname(name, code)) or "")
        }
        if given:
            state[f"{name}_versions"] = given
    return state


def authored_initial(obj: object | None, names: tuple[str, ...]) -> dict[str, str]:
    """A form's initial values for editing: the English and each version, by form field name."""
    if obj is None:
        return {}
    initial = {}
    for name in names:
        for code in ["en", *translation_languages()]:
            column = build_localized_fieldname(name, code)
            initial[name if code == "en" else column] = getattr(obj, column) or ""
    return initial


class AuthorVersionsMixin:
    """Adds, for each field named in `author_versions`, an optional field per other language
    (`statement_es`, ...) for the author's own version, typed in that language (lang, dir).

    The English field itself is optional too: the service refuses a text written in no language
    (authored_columns), and the refusal shows on the English field with the languages unfolded."""

    author_versions: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        for name in self.author_versions:
            base = fields[name]
            base.label = _("%(label)s, in English") % {"label": base.label}
            if base.required:
                hint = _("Write it in English, in one or more of the languages below, or both.")
                base.help_text = (
                    format_lazy("{} {}", base.help_text, hint) if base.help_text else hint
                )
                base.required = False
            for code in translation_languages():
                info = get_language_info(code)
                widget = copy.deepcopy(base.widget)
                widget.attrs.update({"lang": code, "dir": "rtl" if info["bidi"] else "ltr"})
                field = forms.CharField(
                    label=_("%(label)s, in %(language)s (optional)")
                    % {"label": self._plain_label(name), "language": info["name_translated"]},
                    max_length=getattr(base, "max_length", None),
                    required=False,
                    widget=widget,
                )
                field.author_version_of = name  # type: ignore[attr-defined]
                fields[build_localized_fieldname(name, code)] = field

    def _plain_label(self, name: str) -> str:
        return str(type(self).base_fields[name].label)  # type: ignore[attr-defined]

    def versions(self) -> dict[str, dict[str, str]]:
        """{field: {language: text}} for the versions the author wrote (empty ones left out)."""
        data: dict[str, Any] = self.cleaned_data  # type: ignore[attr-defined]
        return {
            name: {
                code: text
                for code in translation_languages()
                if (text := (data.get(build_localized_fieldname(name, code)) or "").strip())
            }
            for name in self.author_versions
        }

    def author_rows(self) -> list[tuple[BoundField, list[BoundField], bool]]:
        """Each field to show, with its language versions (folded up beneath it) and whether
        to unfold them (one is filled in or has an error)."""
        rows = []
        for bound in self:  # type: ignore[attr-defined]
            if getattr(bound.field, "author_version_of", None):
                continue
            versions = [
                self[build_localized_fieldname(bound.name, code)]  # type: ignore[index]
                for code in translation_languages()
                if bound.name in self.author_versions
            ]
            unfold = bool(versions) and (
                bool(bound.errors) or any(v.errors or v.value() for v in versions)
            )
            rows.append((bound, versions, unfold))
        return rows
