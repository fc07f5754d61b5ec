"""The report's downloads: every published cell as CSV rows, the open-data JSON, the PDF."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from careerportal.csv_download import csv_response

from .models import TransparencyReport
from .presentation import REASON_TEXT, report_table_view
from .selectors import report_public_summary, report_public_tables

# What each column of the published cells means (the bulk download's data dictionary).
CSV_DICTIONARY = {
    "year": "reporting year of the hires",
    "version": "published version of that year's report (a later version supersedes it)",
    "table": "the report table's key",
    "scope": "alliance (Alliance-wide) or the slug of a member who opted in",
    "row": "row category, as the page labels it (All = the table's total)",
    "column": "column category of a crossed table (All = the row's total); empty otherwise",
    "hires": "hires counted; empty when withheld",
    "share_percent": "share of the table's total (%); empty when withheld or not shown",
    "withheld_reason": "why the cell is withheld (its number is never published)",
    "is_synthetic": "the report was built from synthetic hiring data",
}
# The report page's CSV: the same columns, the report's own flag said once on its page.
CSV_COLUMNS = [column for column in CSV_DICTIONARY if column != "is_synthetic"]


def report_csv_response(*, report: TransparencyReport, filename: str) -> HttpResponse:
    """The CSV download of a published report (the portal's one CSV writer)."""
    rows = report_flat_rows(report=report)
    return csv_response(
        filename=filename,
        header=CSV_COLUMNS,
        rows=([row[column] for column in CSV_COLUMNS] for row in rows),
    )


def report_flat_rows(*, report: TransparencyReport) -> list[dict[str, Any]]:
    """Return every published cell of a report as one row (the CSV download)."""
    out = []
    for table in report_public_tables(report=report):
        view = report_table_view(table=table)
        scope = table.member.slug if table.member else "alliance"
        if len(view["dimensions"]) == 1:
            cells = [(c["label"], "", c["cell"]) for c in view["cells"]]
        else:
            cells = [
                (row["label"], col["label"], cell["cell"])
                for row in view["grid"]
                for col, cell in zip(view["columns"], row["cells"], strict=True)
            ]
            cells += [(row["label"], str(_("All")), row["total"]["cell"]) for row in view["grid"]]
            cells += [
                (str(_("All")), col["label"], total["cell"])
                for col, total in zip(view["columns"], view["column_totals"], strict=True)
            ]
        cells.append((str(_("All")), "", view["total"]))
        for row_label, col_label, cell in cells:
            out.append(
                {
                    "year": report.year,
                    "version": report.version,
                    "table": table.key,
                    "scope": scope,
                    "row": row_label,
                    "column": col_label,
                    "hires": cell.get("hires", ""),
                    "share_percent": cell.get("share", ""),
                    "withheld_reason": cell.get("withheld", ""),
                }
            )
    return out


def report_public_json(*, report: TransparencyReport) -> dict[str, Any]:
    """The open-data JSON of a published report (no audit, no withheld numbers)."""
    tables = []
    for table in report_public_tables(report=report):
        view = report_table_view(table=table)
        entry: dict[str, Any] = {
            "key": table.key,
            "title": view["title"],
            "member": table.member.slug if table.member else None,
            "dimensions": view["dimensions"],
            "rows": [
                {"key": r["key"], "label": r["label"], "categories": r["categories"]}
                for r in view["rows"]
            ],
            "values": table.data["values"],
            "total": table.data["total"],
            "merges": table.data.get("merges", []),
        }
        if "columns" in view:
            entry["columns"] = [
                {"key": c["key"], "label": c["label"], "categories": c["categories"]}
                for c in view["columns"]
            ]
            entry["row_totals"] = table.data["row_totals"]
            entry["column_totals"] = table.data["column_totals"]
        tables.append(entry)
    return {
        "year": report.year,
        "version": report.version,
        "published_at": report.published_at.isoformat() if report.published_at else None,
        "is_synthetic": report.is_synthetic,
        "source": "Accepted hiring-data submissions of Alliance members",
        "withheld_reasons": {code: str(text) for code, text in REASON_TEXT.items()},
        "summary": report_public_summary(report=report),
        "tables": tables,
    }


def report_pdf_render(*, html: str) -> bytes:
    """Render the report's print HTML to PDF; static files are read from disk, never fetched."""
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    prefix = "file:///" + settings.STATIC_URL.strip("/") + "/"

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = finders.find(url[len(prefix) :]) if url.startswith(prefix) else None
            if not path:
                raise ValueError(f"not fetching {url}")
            with open(path, "rb") as stylesheet:
                body = stylesheet.read()
            return URLFetcherResponse(url, body, {"Content-Type": "text/css"})

    return HTML(string=html, base_url="file:///", url_fetcher=StaticFilesOnly()).write_pdf()
