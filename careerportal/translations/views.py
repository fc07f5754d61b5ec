"""The staff page with the state of every language."""

from itertools import groupby

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language_info
from django.views.decorators.http import require_GET

from .files import translation_languages
from .selectors import catalog_status, content_status


@staff_member_required
@require_GET
def translation_status(request: HttpRequest) -> HttpResponse:
    """Interface strings translated per language, and content fields filled, stale or missing
    per model, field and language."""
    languages = [
        {"code": code, "name": get_language_info(code)["name_translated"]}
        for code in translation_languages()
    ]
    status = content_status()
    fields = [
        {"model": model, "field": field, "authored": authored, "cells": list(cells)}
        for (model, field, authored), cells in groupby(
            status, key=lambda s: (s.model, s.field, s.authored)
        )
    ]
    return render(
        request,
        "careerportal/translations/status.html",
        {
            "languages": languages,
            "catalogs": [(language, catalog_status(language["code"])) for language in languages],
            "fields": fields,
        },
    )
