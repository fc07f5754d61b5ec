"""Pages of the training finder: search programs by words, filters and place; one program."""

from typing import Any

from django.core.paginator import Page
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from careerportal.public_cache import public_cached, public_params
from careerportal.sharing import json_ld, site_of

from .. import funding
from ..pagination import IdsFirstPaginator, page_frozen
from ..sharing.schema_org import program_schema
from ..views import HtmxHttpRequest, _screener, _tray_context
from . import selectors
from .filters import LANGUAGE_CHOICES, ProgramFilter
from .plain import program_plain_summary

PAGE_SIZE = 20
# What the search page reads from its query (anything else is dropped, cache key included).
SEARCH_PARAMS = (*ProgramFilter.base_filters, "page")
# What the filter learns while searching that the results region says.
FOUND = ("zip_unknown", "lookalike", "corrected_text", "point", "miles")


def _params_with_session_zip(request: HtmxHttpRequest) -> QueryDict:
    """The query, with the ZIP kept in the session when the person gave one (never required)."""
    params = request.GET.copy()
    if "zip" in params:
        zip_code = params.get("zip", "").strip()
        # Written only when it changes: a session write is three queries on every search.
        kept = request.session.get(selectors.ZIP_SESSION_KEY)
        if zip_code.isdigit() and len(zip_code) == 5:
            if kept != zip_code:
                request.session[selectors.ZIP_SESSION_KEY] = zip_code
        elif not zip_code and kept is not None:
            request.session.pop(selectors.ZIP_SESSION_KEY)
    elif request.session.get(selectors.ZIP_SESSION_KEY):
        params["zip"] = request.session[selectors.ZIP_SESSION_KEY]
    return params


def _results(filterset: ProgramFilter, params: QueryDict) -> tuple[Page, dict[str, Any]]:
    """One page of a valid search, read whole, and what the search found out on the way."""
    page = page_frozen(IdsFirstPaginator(filterset.qs, PAGE_SIZE).get_page(params.get("page")))
    return page, {name: getattr(filterset, name) for name in FOUND}


@require_GET
def program_list(request: HtmxHttpRequest) -> HttpResponse:
    """Search and filter training programs; htmx requests get only the results region."""
    params = public_params(_params_with_session_zip(request), SEARCH_PARAMS)
    filterset = selectors.program_search(params=params, request=request)
    context: dict[str, Any] = {
        "filterset": filterset,
        "selected": {name: params.getlist(name) for name in ("schedule", "support")},
        **_tray_context(request),
    }
    status = 200
    if filterset.is_valid():
        # The same for everyone asking the same (a ZIP from the session is in params, so in
        # the key): cached; the tray is drawn per person.
        page, found = public_cached(
            "program-search", params.urlencode(), compute=lambda: _results(filterset, params)
        )
        query = params.copy()
        query.pop("page", None)
        context.update(page=page, found=found, querystring=query.urlencode())
    else:
        status = 400
        context["errors"] = [
            (filterset.form[name].label if name in filterset.form.fields else name, messages)
            for name, messages in filterset.errors.items()
        ]
    template = "credentials/programs/list.html"
    if request.htmx and request.htmx.target == "search-results":
        template = "credentials/programs/includes/_results.html"
    return render(request, template, context, status=status)


@require_GET
def program_detail(request: HtmxHttpRequest, program_id: int) -> HttpResponse:
    """One program: where, cost breakdown, time, schedule, support, outcomes with sources."""
    program = selectors.program_detail(program_id=program_id)
    if program is None:
        raise Http404(_("No program has this id."))
    names = dict(LANGUAGE_CHOICES)
    language_names = [str(names.get(code, code)) for code in program.languages]
    form, answers, answers_query = _screener(request)
    screen = funding.program_funding_screen(program_id=program.pk, answers=answers)
    context = {
        "program": program,
        "program_ld": json_ld(program_schema(program, site=site_of(request))),
        "language_names": language_names,
        "plain_summary": program_plain_summary(program, language_names=language_names),
        # The funding section (shared with credential pages) reads these names.
        "form": form,
        "matches": screen.matches if screen else [],
        "left": screen.left if screen else None,
        "screened": screen.facts.for_screen() if screen else None,
        "answers_query": answers_query,
        **_tray_context(request),
    }
    if request.htmx and request.htmx.target == "funding-results":
        return render(
            request,
            "credentials/includes/_funding_results.html",
            {**context, "program": context["screened"]},
        )
    return render(
        request, "credentials/programs/detail.html", context, status=400 if form.errors else 200
    )
