"""Share cards (PNG), embeddable widgets and oEmbed.

Widgets are for other sites' iframes: no session, no cookies, no scripts of ours they need, and
`Content-Security-Policy: frame-ancestors *` on them alone (every other page keeps
X-Frame-Options: DENY).
"""

from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from careerportal.headers import content_security_policy
from careerportal.numbers import usd
from careerportal.share_card import card_response
from careerportal.sharing import json_ld, site_of
from pathways import selectors as pathway_selectors

from .. import selectors
from ..compare_table import compare_rows
from .schema_org import downloads_schema

EMBED_WIDTH, EMBED_HEIGHTS = 480, {"credential": 360, "compare": 520, "career": 320}


def _usd(value: Decimal | int | None) -> str:
    return _("not published") if value is None else usd(value)


def _embed(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    response = render(request, template, context)
    # The site's own policy (its script and stylesheet are static files), framable by anyone.
    response["Content-Security-Policy"] = content_security_policy(frameable=True) + (
        "; frame-ancestors *"
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _detail_or_404(slug: str) -> Any:
    detail = selectors.credential_detail(slug=slug)
    if detail is None:
        raise Http404(_("No published credential has this id."))
    return detail


@require_GET
def credential_card(request: HttpRequest, slug: str) -> HttpResponse:
    """The credential's share image: name, issuer, price, time, certification."""
    detail = _detail_or_404(slug)
    row, credential = detail.row, detail.credential
    weeks = credential.duration_weeks
    return card_response(
        kicker=f"{credential.get_credential_type_display()} · {credential.provider.name}",
        title=credential.name,
        facts=[
            (_("Highest price"), _usd(row.total_cost_max_usd if row else None)),
            (_("Time"), _("%(weeks)s weeks") % {"weeks": f"{weeks:g}"} if weeks else "—"),
            (_("Employers"), str(row.recognition_count if row else 0)),
        ],
        footer=_("Transparent Tech Training · prices as published, with their dates"),
        badge=_("Certified by the Alliance") if row and row.certified else "",
    )


@require_GET
def compare_card(request: HttpRequest) -> HttpResponse:
    """The compare summary's share image: each credential's highest price and time."""
    try:
        columns = selectors.credential_compare(
            slugs=selectors.compare_slugs_parse(raw=request.GET.get("ids"))
        )
    except selectors.CompareError as error:
        raise Http404(str(error)) from error
    return card_response(
        kicker=_("Compare"),
        title=" · ".join(c.row.name for c in columns),
        facts=[(c.row.name[:18], _usd(c.row.total_cost_max_usd)) for c in columns],
        footer=_("Highest published price of each, side by side"),
    )


@xframe_options_exempt
@require_GET
def embed_credential(request: HttpRequest, slug: str) -> HttpResponse:
    detail = _detail_or_404(slug)
    return _embed(
        request,
        "credentials/embed/credential.html",
        {
            "credential": detail.credential,
            "row": detail.row,
            "page_url": _absolute(reverse("credentials:detail", args=[slug])),
        },
    )


@xframe_options_exempt
@require_GET
def embed_compare(request: HttpRequest) -> HttpResponse:
    try:
        columns = selectors.credential_compare(
            slugs=selectors.compare_slugs_parse(raw=request.GET.get("ids"))
        )
    except selectors.CompareError as error:
        raise Http404(str(error)) from error
    ids = ",".join(c.row.slug for c in columns)
    return _embed(
        request,
        "credentials/embed/compare.html",
        {
            "columns": columns,
            "rows": compare_rows(columns=columns),
            "page_url": _absolute(reverse("credentials:compare") + f"?ids={ids}"),
        },
    )


@xframe_options_exempt
@require_GET
def embed_career(request: HttpRequest, soc_code: str) -> HttpResponse:
    occupation = pathway_selectors.occupation_get(soc_code=soc_code)
    if occupation is None:
        raise Http404
    return _embed(
        request,
        "credentials/embed/career.html",
        {
            "occupation": occupation,
            "page_url": _absolute(reverse("pathways:career-detail", args=[soc_code])),
        },
    )


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@require_GET
def snippets(request: HttpRequest) -> HttpResponse:
    """Copy-paste snippets for other sites: an iframe, and a small script that sizes it."""
    return render(
        request,
        "credentials/embed/snippets.html",
        {
            "site": settings.SITE_URL.rstrip("/"),
            "example_slug": request.GET.get("slug", "comptia-security-plus"),
        },
    )


@require_GET
def oembed(request: HttpRequest) -> HttpResponse:
    """oEmbed (JSON, "rich"): the widget for a credential, compare or career page URL."""
    url = request.GET.get("url", "")
    parts = urlsplit(url)
    site = urlsplit(settings.SITE_URL)
    if parts.netloc and parts.netloc != site.netloc:
        return JsonResponse(
            {"detail": _("Not a page of this site."), "code": "not_ours"}, status=404
        )
    if request.GET.get("format", "json") != "json":
        return JsonResponse({"detail": _("Only JSON."), "code": "format"}, status=501)
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return JsonResponse({"detail": _("No such page."), "code": "not_found"}, status=404)
    query = f"?{parts.query}" if parts.query else ""
    if match.url_name == "detail" and match.namespace == "credentials":
        kind, src = "credential", reverse("embed-credential", args=[match.kwargs["slug"]])
    elif match.url_name == "compare" and match.namespace == "credentials":
        kind, src = "compare", reverse("embed-compare") + query
    elif match.url_name == "career-detail":
        kind, src = "career", reverse("embed-career", args=[match.kwargs["soc_code"]])
    else:
        return JsonResponse(
            {"detail": _("This page has no widget."), "code": "no_widget"}, status=404
        )
    maxwidth = request.GET.get("maxwidth", "")
    width = min(int(maxwidth), EMBED_WIDTH) if maxwidth.isdigit() and int(maxwidth) else EMBED_WIDTH
    height = EMBED_HEIGHTS[kind]
    src_url = _absolute(src)
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "provider_name": "Transparent Tech Training",
            "provider_url": settings.SITE_URL,
            "width": width,
            "height": height,
            "html": f'<iframe src="{src_url}" width="{width}" height="{height}" '
            f'style="border:0;max-width:100%" loading="lazy" title="Transparent Tech Training"'
            "></iframe>",
        }
    )


@require_GET
def downloads(request: HttpRequest) -> HttpResponse:
    """Bulk open data: every file with its rows, size, SHA-256, build date and dictionary."""
    from ..downloads import LICENCE, downloads_manifest

    manifest = downloads_manifest()
    files = manifest["files"] if manifest else []
    dataset_ld = json_ld(downloads_schema(manifest, site=site_of(request)))
    dictionaries = {f["dataset"]: (f["title"], f["dictionary"]) for f in files}
    return render(
        request,
        "credentials/downloads.html",
        {
            "files": files,
            "manifest": manifest,
            "licence": LICENCE,
            "dictionaries": dictionaries,
            "dataset_ld": dataset_ld,
        },
    )


@require_GET
def download_file(request: HttpRequest, name: str) -> HttpResponseBase:
    """One file, streamed from storage (never read whole into memory)."""
    from django.core.files.storage import default_storage
    from django.http import FileResponse

    from ..downloads import FORMATS, PREFIX, downloads_manifest

    manifest = downloads_manifest() or {"files": []}
    entry = next((f for f in manifest["files"] if f["file"] == name), None)
    if entry is None:
        raise Http404
    response = FileResponse(
        default_storage.open(f"{PREFIX}/{name}", "rb"),
        as_attachment=True,
        filename=name,
        content_type=FORMATS[entry["format"]],
    )
    response["Digest"] = f"sha-256={entry['sha256']}"
    return response
