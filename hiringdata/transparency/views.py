"""Transparency report pages: published reports for everyone, drafts and audits for staff."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from kombu.exceptions import OperationalError as BrokerUnavailable

from hiringdata.models import HiringCount, SubmissionStatus

from . import exports, presentation, selectors, services
from .models import TransparencyReport
from .sections import report_sections_render
from .tables import table_title

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _published(year: int, version: int | None) -> TransparencyReport | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    if version is None:
        return selectors.report_latest_published(year=year)
    return selectors.report_published_version(year=year, version=version)


def transparency_index(request: HttpRequest) -> HttpResponse:
    published = list(
        TransparencyReport.objects.published().only(
            "year", "version", "published_at", "is_synthetic", "summary"
        )
    )
    latest_by_year: dict[int, TransparencyReport] = {}
    for report in published:
        latest_by_year.setdefault(report.year, report)
    return render(
        request,
        "hiringdata/transparency/index.html",
        {"reports": list(latest_by_year.values()), "all_versions": published},
    )


def report_detail(
    request: HttpRequest, year: int, version: int | None = None, printable: bool = False
) -> HttpResponse:
    context = _report_context(request, year, version)
    if context is None:
        has_data = HiringCount.objects.filter(
            submission__year=year, submission__status=SubmissionStatus.ACCEPTED
        ).exists()
        return render(
            request,
            "hiringdata/transparency/no_report.html",
            {"year": year, "has_data": has_data, "version": version},
            status=404,
        )
    context["printable"] = printable
    return render(request, "hiringdata/transparency/report.html", context)


def _report_context(request: HttpRequest, year: int, version: int | None) -> dict | None:
    report = _published(year, version)
    if report is None:
        return None
    tables = [
        presentation.report_table_view(table=t)
        for t in selectors.report_public_tables(report=report)
    ]
    alliance = [t for t in tables if t["member"] is None]
    by_member: dict[int, dict] = {}
    for table in tables:
        if table["member"] is not None:
            entry = by_member.setdefault(
                table["member"].id, {"member": table["member"], "tables": []}
            )
            entry["tables"].append(table)
    latest = selectors.report_latest_published(year=year)
    summary = selectors.report_public_summary(report=report)
    return {
        "report": report,
        "summary": summary,
        "headline": _headline(alliance),
        "alliance_tables": alliance,
        "member_tables": list(by_member.values()),
        "latest": latest,
        "is_latest": latest is not None and latest.pk == report.pk,
        "update_waits": latest is not None
        and latest.pk == report.pk
        and selectors.report_update_waits(report=report),
        "versions": TransparencyReport.objects.published().filter(year=year),
        "sections": report_sections_render(request=request, report=report),
        "change_sections": presentation.report_changes_view(
            changes=summary.get("changes") or {}, tables=alliance
        ),
    }


def _headline(tables: list[dict]) -> dict:
    """Figures for the plain-language summary, from the kind-of-training table if shown."""
    table = next((t for t in tables if t["key"] == "pathway-group"), None)
    if table is None:
        return {}
    shares = {c["key"]: c["cell"].get("share") for c in table["cells"]}
    return {
        "hires": table["total_text"],
        "non_degree": shares.get("non_degree"),
        "four_year": shares.get("four_year_degree"),
    }


def report_print(request: HttpRequest, year: int, version: int | None = None) -> HttpResponse:
    return report_detail(request, year, version, printable=True)


def report_pdf(request: HttpRequest, year: int, version: int | None = None) -> HttpResponse:
    """The printable report as a PDF (WeasyPrint), from the same published tables."""
    context = _report_context(request, year, version)
    if context is None:
        raise Http404
    html = render_to_string("hiringdata/transparency/report_pdf.html", context, request=request)
    report = context["report"]
    response = HttpResponse(exports.report_pdf_render(html=html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="transparency-report-{report.year}-v{report.version}.pdf"'
    )
    return response


def report_download(
    request: HttpRequest, year: int, fmt: str, version: int | None = None
) -> HttpResponse:
    report = _published(year, version)
    if report is None or fmt not in ("csv", "json"):
        raise Http404
    name = f"transparency-report-{report.year}-v{report.version}"
    if fmt == "json":
        download = JsonResponse(
            exports.report_public_json(report=report), json_dumps_params={"ensure_ascii": False}
        )
        download["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return download
    return exports.report_csv_response(report=report, filename=f"{name}.csv")


@staff_member_required
@require_http_methods(["GET", "POST"])
def staff_reports(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            year = 0
        if not FIRST_YEAR <= year <= LAST_YEAR:
            messages.error(request, _("Enter a four-digit year, for example 2025."))
        else:
            queued = _enqueue_build(year=year, user_id=request.user.pk)
            if queued:
                messages.success(
                    request, _("Building the %(year)s report. Reload in a minute.") % {"year": year}
                )
            else:
                messages.success(
                    request, _("Built a new draft of the %(year)s report.") % {"year": year}
                )
        return redirect(reverse("transparency:staff"))
    drafts = TransparencyReport.objects.prefetch_related("tables").order_by("-year", "-version")
    return render(request, "hiringdata/transparency/staff.html", {"reports": drafts})


def _enqueue_build(*, year: int, user_id: int | None) -> bool:
    """Queue the build on Celery; with the broker down, build here so staff are not stuck."""
    from .tasks import build_transparency_report

    try:
        with transaction.atomic():
            transaction.on_commit(lambda: build_transparency_report.delay(year, user_id))
        return True
    except BrokerUnavailable:
        build_transparency_report(year, user_id)
        return False


@staff_member_required
@require_http_methods(["GET"])
def staff_report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(TransparencyReport, pk=pk)
    tables = []
    for table in report.tables.select_related("member").order_by("position"):
        tables.append(
            {
                "table": table,
                "title": table_title(table.key),
                "view": presentation.report_table_view(table=table) if table.passed else None,
                "dropped_text": presentation.DROPPED_TEXT.get(
                    table.dropped_reason, table.dropped_reason
                ),
                "unprotected": [
                    _("%(cell)s could be worked out to between %(low)s and %(high)s")
                    % {
                        "cell": "; ".join(
                            f"{presentation.DIMENSION_TITLES[d]}: "
                            + ", ".join(
                                str(presentation.category_labels()[d].get(c, c)) for c in cats
                            )
                            for d, cats in e["cell"].items()
                        ),
                        "low": e["range_low"],
                        "high": e["range_high"],
                    }
                    for e in table.audit.get("entries", [])
                    if not e["protected"]
                ],
            }
        )
    return render(
        request,
        "hiringdata/transparency/staff_report.html",
        {"report": report, "tables": tables, "summary_json": json.dumps(report.summary, indent=2)},
    )


@staff_member_required
@require_POST
def staff_report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(TransparencyReport, pk=pk)
    try:
        services.report_publish(report=report, user=request.user)
    except services.ReportError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _("Published the %(year)s report, version %(version)s.")
            % {"year": report.year, "version": report.version},
        )
    return redirect(reverse("transparency:staff-report", args=[report.pk]))
