"""Admin pieces every app shares."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .readability import FERNANDEZ_HUERTA_BAR, FLESCH_KINCAID, GRADE_BAR, text_reading


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """Rows only the app's own services write (audit log, uploads, reports): staff look here.

    Adding or editing them in the admin would skip the checks and the audit trail of those
    services. Deleting is refused too unless a subclass sets allow_delete (for rows that only
    go away with their parent).
    """

    allow_delete = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.allow_delete and super().has_delete_permission(request, obj)


def reading_label(text: str, *, language: str) -> tuple[str, bool | None]:
    """The reading level of a text as staff read it beside the field, and whether it passes."""
    if not text.strip():
        return str(_("Reading level: nothing to grade yet.")), None
    reading = text_reading(text, language=language)
    if reading is None:
        return str(_("Reading level: not graded (no formula for this language here).")), None
    if reading.formula == FLESCH_KINCAID:
        measured = _("Flesch-Kincaid grade %(score)s") % {"score": f"{reading.score:.1f}"}
        bar = _("the bar is grade %(bar)s or lower") % {"bar": GRADE_BAR}
    else:
        measured = _("Fernández-Huerta %(score)s, grade %(grade)s on its table") % {
            "score": f"{reading.score:.1f}",
            "grade": f"{reading.grade:.0f}",
        }
        bar = _("the bar is %(bar)s or more") % {"bar": f"{FERNANDEZ_HUERTA_BAR:.0f}"}
    verdict = (
        _("plain enough") if reading.passes else _("too hard: use shorter words and sentences")
    )
    label = _("Reading level: %(measured)s (%(bar)s): %(verdict)s.") % {
        "measured": measured,
        "bar": bar,
        "verdict": verdict,
    }
    return str(label), reading.passes


class GradedTextarea(forms.Textarea):
    """A summary's text box with its reading level under it: measured when the page is drawn
    (so after every save), and again while staff type where JavaScript runs."""

    def __init__(self, *, language: str, grade_url: str, attrs: dict[str, Any] | None = None):
        super().__init__(attrs)
        self.language = language
        self.grade_url = grade_url

    @property
    def media(self) -> forms.Media:
        return forms.Media(js=["js/plain_grade.js"])

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        box = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        label, passes = reading_label(str(value or ""), language=self.language)
        return format_html(
            '{}<p class="help plain-grade" id="{}_grade" aria-live="polite" data-for="{}" '
            'data-language="{}" data-grade-url="{}" data-passes="{}">{}</p>',
            box,
            field_id,
            field_id,
            self.language,
            self.grade_url,
            "" if passes is None else str(passes).lower(),
            label,
        )


class PlainSummaryAdmin(admin.ModelAdmin):
    """An admin whose plain-words fields (plain_fields, in every language) show their grade."""

    plain_fields: tuple[str, ...] = ()

    def _plain_language(self, name: str) -> str | None:
        for base in self.plain_fields:
            if name == base:
                return str(settings.LANGUAGE_CODE)
            if name.startswith(f"{base}_"):
                return name[len(base) + 1 :].replace("_", "-")
        return None

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = self._plain_language(db_field.name)
        if field is not None and language is not None:
            opts = self.model._meta
            field.widget = GradedTextarea(
                language=language,
                grade_url=reverse(f"admin:{opts.app_label}_{opts.model_name}_readability"),
                attrs=field.widget.attrs,
            )
        return field

    def get_urls(self) -> list[URLPattern]:
        opts = self.model._meta
        return [
            path(
                "readability/",
                self.admin_site.admin_view(self.readability_view),
                name=f"{opts.app_label}_{opts.model_name}_readability",
            ),
            *super().get_urls(),
        ]

    def readability_view(self, request: HttpRequest) -> HttpResponse:
        """Grade the text being typed (POST text, language) for the label under the field."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_change_permission(request) or self.has_add_permission(request)):
            raise PermissionDenied
        label, passes = reading_label(
            request.POST.get("text", ""), language=request.POST.get("language", "")
        )
        return JsonResponse({"label": label, "passes": passes})
