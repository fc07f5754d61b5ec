"""Pages of the catalog: search, one credential, compare, and the compare tray."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Page
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from careerportal.csv_download import csv_response
from careerportal.public_cache import public_cached, public_params
from careerportal.redirects import safe_next_url
from careerportal.sharing import site_of
from careerportal.text import release_label
from pathways.forms import FundingScreenerForm
from pathways.videos.pages import video_media_allow

from . import extensions, funding, selectors, services
from .compare_table import compare_rows
from .filters import CredentialFilter
from .pagination import CappedPaginator, page_frozen
from .plans.views import SESSION_KEY as PLAN_SESSION_KEY
from .programs.selectors import ZIP_SESSION_KEY, credential_programs
from .sharing.schema_org import compare_share, credential_share

PAGE_SIZE = 20
# What the search page reads from its query (anything else is dropped, cache key included).
SEARCH_PARAMS = (*CredentialFilter.base_filters, "page")


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _tray_context(request: HttpRequest) -> dict[str, Any]:
    rows = selectors.compare_tray_rows(session=request.session)
    return {
        "tray": rows,
        "tray_slugs": [r.slug for r in rows],
        "tray_full": len(rows) >= services.COMPARE_MAX,
        "tray_compare_ids": ",".join(r.slug for r in rows),
    }


def _results(filterset: CredentialFilter, params: QueryDict) -> tuple[Page, bool, bool]:
    """One page of a valid search, read whole, and what the results region says about it."""
    page = CappedPaginator(filterset.qs, PAGE_SIZE).get_page(params.get("page"))
    return page_frozen(page), filterset.any_word, filterset.ranked_partially


@require_GET
def credential_list(request: HtmxHttpRequest) -> HttpResponse:
    """Search and filter the catalog; htmx requests get only the results region."""
    params = public_params(request.GET, SEARCH_PARAMS)
    filterset = selectors.credential_search(params=params, request=request)
    context: dict[str, Any] = {
        "filterset": filterset,
        "selected_categories": params.getlist("category"),
        **_tray_context(request),
        **_plan_context(request),
    }
    status = 200
    if filterset.is_valid():
        # The results are the same for everyone asking the same: cached (the tray's and the
        # plan's buttons on each result are drawn per person, outside the cache).
        page, any_word, ranked_partially = public_cached(
            "credential-search", params.urlencode(), compute=lambda: _results(filterset, params)
        )
        query = params.copy()
        query.pop("page", None)
        context.update(
            page=page,
            querystring=query.urlencode(),
            any_word=any_word,
            ranked_partially=ranked_partially,
        )
    else:
        status = 400
        # Name each bad choice by its label, as the person saw it on the form.
        context["errors"] = [
            (filterset.form[name].label if name in filterset.form.fields else name, messages)
            for name, messages in filterset.errors.items()
        ]
    template = "credentials/list.html"
    if request.htmx and request.htmx.target == "search-results":
        template = "credentials/includes/_results.html"
    return render(request, template, context, status=status)


def _screener(request: HttpRequest) -> tuple[FundingScreenerForm, dict[str, Any], str]:
    """The funding screener's answers in the query (none: screen the program alone), and the
    same answers as a query string for links to /funding/."""
    form = FundingScreenerForm.from_query(request.GET)
    answers = form.answers() if form.is_bound and form.is_valid() else {}
    query = QueryDict(mutable=True)
    for name in form.fields:
        if request.GET.get(name):
            query[name] = request.GET[name]
    return form, answers, query.urlencode()


def _plan_context(request: HttpRequest) -> dict[str, Any]:
    token = request.session.get(PLAN_SESSION_KEY)
    return {
        "plan_url": reverse("plans:detail", args=[token]) if token else "",
        "next": request.get_full_path(),
    }


@require_GET
def credential_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """One credential; ?state=...&veteran=... re-runs the funding screener for it."""
    detail = selectors.credential_detail(slug=slug)
    if detail is None:
        raise Http404(_("No published credential has this id."))
    form, answers, answers_query = _screener(request)
    screen = funding.credentials_funding_screen(facts=[detail.facts], answers=answers)[0]
    zip_code = request.session.get(ZIP_SESSION_KEY)
    programs, nearest = credential_programs(credential_id=detail.credential.pk, zip_code=zip_code)
    context = {
        "programs": programs,
        "nearest": nearest,
        "zip_code": zip_code,
        "detail": detail,
        "credential": detail.credential,
        "row": detail.row,
        "form": form,
        "matches": screen.matches,
        "left": screen.left,
        "program": detail.facts.for_screen(),
        "answers_query": answers_query,
        "baseline_wage": selectors.BASELINE_ANNUAL_WAGE_USD,
        "baseline_source_url": selectors.BASELINE_WAGE_SOURCE_URL,
        "baseline_vintage": selectors.BASELINE_WAGE_VINTAGE,
        "share": credential_share(detail.credential, detail.row, site=site_of(request)),
        **_tray_context(request),
        **_plan_context(request),
    }
    if request.htmx and request.htmx.target == "funding-results":
        # 200 even with bad answers: htmx swaps only 2xx, and the partial shows the message.
        return render(request, "credentials/includes/_funding_results.html", context)
    # Sections the layers above add (the alliance's employers), never read from here.
    context["panels"] = extensions.credential_panels_render(
        request=request, credential=detail.credential
    )
    return video_media_allow(
        render(request, "credentials/detail.html", context, status=400 if form.errors else 200),
        detail.credential.video,
    )


def _csv_text(cell: dict[str, Any]) -> str:
    """A compare cell as text that keeps its source, date and synthetic flag, as the page does."""
    details = [str(cell[key]) for key in ("source_name", "source_url", "date") if cell.get(key)]
    occupations = cell.get("occupations")
    if occupations and occupations[0].wage_vintage:
        details.append(f"BLS OEWS {release_label(occupations[0].wage_vintage)}")
    text = str(cell.get("text", ""))
    details.extend(str(a) for a in cell.get("assumptions", []))
    if details:
        text += f" ({'; '.join(details)})"
    if cell.get("synthetic"):
        text += f" [{_('synthetic')}]"
    return text


def _compare_table(
    slugs: list[str], answers: dict[str, Any]
) -> tuple[list[selectors.CompareColumn], list[dict[str, Any]]]:
    columns = selectors.credential_compare(slugs=slugs, answers=answers)
    return columns, compare_rows(columns=columns)


@require_GET
def credential_compare(request: HtmxHttpRequest) -> HttpResponse:
    """Show 2-4 credentials side by side; ?format=csv downloads the same table."""
    form, answers, answers_query = _screener(request)
    try:
        slugs = selectors.compare_slugs_parse(raw=request.GET.get("ids"))
        # The same for everyone giving the same ids and answers (answers are in the query).
        columns, rows = public_cached(
            "credential-compare",
            slugs,
            sorted(answers.items()),
            compute=lambda: _compare_table(slugs, answers),
        )
    except selectors.CompareError as error:
        context = {"error": str(error), **_tray_context(request)}
        return render(request, "credentials/compare.html", context, status=400)
    if request.GET.get("format") == "csv":
        return csv_response(
            filename="credentials-compare.csv",
            header=["", *(c.row.name for c in columns)],
            rows=([row["label"], *(_csv_text(c) for c in row["cells"])] for row in rows),
        )
    context = {
        "columns": columns,
        "rows": rows,
        "ids": ",".join(slugs),
        "form": form,
        "funding_assumptions": funding.FUNDING_ASSUMPTIONS,
        "answers_query": answers_query,
        **_plan_context(request),
        "share": compare_share(
            names=[c.row.name for c in columns], ids=",".join(slugs), site=site_of(request)
        ),
        "baseline_wage": selectors.BASELINE_ANNUAL_WAGE_USD,
        "baseline_source_url": selectors.BASELINE_WAGE_SOURCE_URL,
        "baseline_vintage": selectors.BASELINE_WAGE_VINTAGE,
        **_tray_context(request),
    }
    if request.htmx and request.htmx.target == "compare-results":
        return render(request, "credentials/includes/_compare_table.html", context)
    return render(request, "credentials/compare.html", context, status=400 if form.errors else 200)


def _back(request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(
        safe_next_url(request, request.POST.get("next")) or reverse("credentials:list")
    )


def _tray_response(
    request: HtmxHttpRequest, *, slug: str | None = None, message: str = ""
) -> HttpResponse:
    if request.htmx:
        context = {
            "tray_message": message,
            "next": request.POST.get("next", ""),
            **_tray_context(request),
        }
        # Also swap the changed result's button (out of band) so the list matches the tray.
        if slug:
            context.update(changed_slug=slug, changed_in_tray=slug in context["tray_slugs"])
        return render(request, "credentials/includes/_tray.html", context)
    if message:
        messages.info(request, message)
    return _back(request)


@require_POST
def tray_add(request: HtmxHttpRequest) -> HttpResponse:
    """Put a credential in the compare tray (kept in the session; no account needed)."""
    slug = (request.POST.get("slug") or "").strip()
    if not selectors.compare_tray_known(slug=slug):
        return _tray_response(request, message=_("We could not find that credential."))
    tray, added = services.compare_tray_add(session=request.session, slug=slug)
    message = ""
    if not added and slug not in tray:
        message = _("You can compare up to 4 credentials. Remove one first.")
    return _tray_response(request, slug=slug, message=message)


@require_POST
def tray_remove(request: HtmxHttpRequest) -> HttpResponse:
    """Take one credential out of the compare tray, or empty it."""
    slug = (request.POST.get("slug") or "").strip() or None
    services.compare_tray_remove(session=request.session, slug=slug)
    return _tray_response(request, slug=slug)
