"""Benchmark the catalog at 50,000 credentials: search/API, compare, and the index rebuild.

Run with the project's environment (DATABASE_URL etc.):
    python bench/credentials_search.py [--credentials 50000] [--runs 30]
Tops the synthetic catalog up to --credentials first (generate_synthetic), then prints p50/p95
server time and SQL queries per request against the DESIGN.md budgets.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from credentials.models import ComparisonIndex, Credential  # noqa: E402
from credentials.services import comparison_index_refresh  # noqa: E402

SEARCHES = [
    ("browse, default sort", "/credentials/"),
    ("text, many matches", "/credentials/?q=security"),
    ("text, typo fallback", "/credentials/?q=cybersecurty"),
    ("text + category, by cost", "/credentials/?q=data&category=data&sort=cost"),
    ("filters, by placement", "/credentials/?category=cloud&max_cost=2000&sort=placement"),
    ("funding + state, by salary", "/credentials/?funding=wioa-ita&state=TX&sort=salary"),
    ("text, page 30", "/credentials/?q=network&page=30"),
    ("spanish text", "/es/credentials/?q=redes&delivery=online"),
    ("htmx partial", "/credentials/?q=cloud&max_weeks=12"),
    ("API list, text + language", "/api/v1/credentials/?q=python&language=es"),
    ("API list, filters", "/api/v1/credentials/?certified=false&max_weeks=26&sort=duration"),
]
SEARCH_BUDGET_MS, COMPARE_BUDGET_MS, REBUILD_BUDGET_S, QUERY_BUDGET = 50, 30, 20, 10


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(
    client: Client, url: str, runs: int, headers: dict[str, str] | None = None
) -> tuple[float, float, int]:
    """Return (p50 ms, p95 ms, max queries) over runs after one warm-up request."""
    client.get(url, headers=headers)
    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, headers=headers)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = max(queries, len(captured))
    return statistics.median(times), percentile(times, 0.95), queries


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER BUDGET"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--credentials", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]

    missing = args.credentials - Credential.objects.filter(is_synthetic=True).count()
    if missing > 0:
        print(f"generating {missing} synthetic credentials ...")
        call_command("generate_synthetic", credentials=missing, seed=7)

    started = time.perf_counter()
    rows = comparison_index_refresh()
    rebuild_s = time.perf_counter() - started
    print(f"\nindex rebuild: {rows} rows in {rebuild_s:.2f} s "
          f"(budget {REBUILD_BUDGET_S} s: {verdict(rebuild_s <= REBUILD_BUDGET_S)})")  # fmt: skip

    client = Client()
    print(
        f"\nsearch at {ComparisonIndex.objects.count()} indexed credentials, {args.runs} runs each"
    )
    print(f"{'case':32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  verdict")
    for label, url in SEARCHES:
        headers = (
            {"HX-Request": "true", "HX-Target": "search-results"} if "partial" in label else {}
        )
        p50, p95, queries = measure(client, url, args.runs, headers)
        ok = p95 <= SEARCH_BUDGET_MS and queries <= QUERY_BUDGET
        print(f"{label:32} {p50:8.1f} {p95:8.1f} {queries:8d}  {verdict(ok)}")

    real = list(
        ComparisonIndex.objects.filter(is_synthetic=False).values_list("slug", flat=True)[:2]
    )
    synthetic = list(
        ComparisonIndex.objects.filter(is_synthetic=True).values_list("slug", flat=True)[:4]
    )
    ids = ",".join((real + synthetic)[:4])
    print(f"\ncompare 4 credentials ({ids}), {args.runs} runs each")
    for label, url in [("compare page", f"/credentials/compare/?ids={ids}"),
                       ("compare CSV", f"/credentials/compare/?ids={ids}&format=csv"),
                       ("compare API", f"/api/v1/credentials/compare/?ids={ids}")]:  # fmt: skip
        p50, p95, queries = measure(client, url, args.runs)
        ok = p95 <= COMPARE_BUDGET_MS and queries <= QUERY_BUDGET
        print(f"{label:32} {p50:8.1f} {p95:8.1f} {queries:8d}  {verdict(ok)}")


if __name__ == "__main__":
    main()
