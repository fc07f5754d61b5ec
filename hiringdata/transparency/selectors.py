"""Read published transparency reports (never drafts, never the audit)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from alliance.models import Member

from .models import ReportTable, TransparencyReport


def report_latest_published(*, year: int) -> TransparencyReport | None:
    return TransparencyReport.objects.published().filter(year=year).first()


def report_published_version(*, year: int, version: int) -> TransparencyReport | None:
    return TransparencyReport.objects.published().filter(year=year, version=version).first()


def report_update_waits(*, report: TransparencyReport) -> bool:
    """Whether a newer build of the year waits because it changed too little to publish."""
    return (
        TransparencyReport.objects.filter(
            year=report.year, version__gt=report.version, summary__update_waits=True
        )
        .exclude(status="published")
        .exists()
    )


def report_public_tables(*, report: TransparencyReport) -> list[ReportTable]:
    """Return the tables a published report shows (never a failed one, never the audit)."""
    if not report.is_published:
        return []
    return list(
        report.tables.filter(passed=True)
        .select_related("member")
        .defer("audit")
        .order_by("position")
    )


def report_public_summary(*, report: TransparencyReport) -> dict[str, Any]:
    """The report's headline figures, with award candidates named."""
    summary = dict(report.summary)
    awards = dict(summary.get("awards") or {})
    ids = [c["member_id"] for c in awards.get("candidates", [])]
    members = {m.id: m for m in Member.objects.filter(id__in=ids)}
    awards["candidates"] = [
        {
            **c,
            "member": members[c["member_id"]].name if c["member_id"] in members else "",
            "member_slug": members[c["member_id"]].slug if c["member_id"] in members else "",
        }
        for c in awards.get("candidates", [])
    ]
    summary["awards"] = awards
    return summary


def report_cells_published() -> Iterator[dict[str, Any]]:
    """Every cell each published report shows, as its CSV download has it, oldest first.

    Withheld cells keep their reason and no number; drafts and failed tables are never read.
    """
    from .exports import report_flat_rows  # the download's own rows: one definition of a cell

    for report in TransparencyReport.objects.published().order_by("year", "version"):
        for row in report_flat_rows(report=report):
            yield {**row, "is_synthetic": report.is_synthetic}


def report_figures_for_convening(year: int) -> list[dict[str, Any]]:
    """The headline figures of the report a convening presents (the year before it), published
    versions only, each with its source page and publication date; [] when none is published."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    report = (
        TransparencyReport.objects.published().filter(year=year - 1).order_by("-version").first()
    )
    if report is None:
        return []
    source = reverse("transparency:report", args=[report.year])
    as_of = report.published_at.date() if report.published_at else None
    summary = report.summary or {}
    figures = [
        (_("Tech hires reported for %(year)s") % {"year": report.year}, summary.get("hires")),
        (_("Members that reported"), summary.get("members_reporting")),
        (_("Tables published"), summary.get("tables_published")),
    ]
    return [
        {
            "label": label,
            "value": value,
            "source": source,
            "as_of": as_of,
            "is_synthetic": report.is_synthetic,
        }
        for label, value in figures
        if value is not None
    ]
