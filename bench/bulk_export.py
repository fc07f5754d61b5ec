"""Benchmark the bulk open-data export of programs (budget: 200,000 programs <= 60 s, <= 300 MB).

Run with the portal's environment (DATABASE_URL, MEDIA_ROOT...):
    python bench/bulk_export.py [--programs 200000]

Adds that many synthetic programs (is_synthetic, source "synthetic") with COPY if the database
has fewer, then builds the programs files (CSV, JSON Lines, CTDL JSON-LD) in a child process and
prints its time and peak resident memory (VmHWM).
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

import django

django.setup()


from credentials.models import Program, Provider, ProviderKind  # noqa: E402

BUDGET_SECONDS, BUDGET_MB = 60, 300


def ensure_programs(count: int) -> None:
    have = Program.objects.filter(source="synthetic", external_id__startswith="bench-").count()
    if have >= count:
        return
    provider, _ = Provider.objects.get_or_create(
        slug="bench-synthetic-provider",
        defaults={"name": "Synthetic bench provider", "kind": ProviderKind.BOOTCAMP,
                  "is_synthetic": True},
    )  # fmt: skip
    from datetime import date
    from decimal import Decimal

    from django.utils import timezone

    from credentials.synthetic import _copy_rows

    now = timezone.now()
    for first in range(have, count, 20_000):
        rows = [
            {
                "source": "synthetic",
                "external_id": f"bench-{i}",
                "source_state": "NJ",
                "source_date": date(2026, 1, 1),
                "name": f"Synthetic program {i}",
                "provider_id": provider.pk,
                "cip_code": "11.0101",
                "city": "Newark",
                "state": "NJ",
                "zip_code": "07102",
                "online": i % 2 == 0,
                "total_cost_usd": Decimal(1000 + i % 9000),
                "clock_hours": 100 + i % 900,
                "employment_rate_pct": Decimal(i % 100),
                "employed_q2_pct": Decimal(i % 100),
                "earnings_usd": 30000 + i % 50000,
                "is_synthetic": True,
                "updated_at": now,
            }
            for i in range(first, min(first + 20_000, count))
        ]
        _copy_rows(Program, rows)


def child() -> None:
    from credentials.downloads import downloads_build

    started, cpu_started = time.perf_counter(), time.process_time()
    manifest = downloads_build(names=["programs"])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kb = next(
        int(line.split()[1])
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith("VmHWM")
    )
    rows = {f["format"]: f["rows"] for f in manifest["files"]}
    result = {"seconds": round(elapsed, 1), "cpu_seconds": round(cpu, 1)}
    print(json.dumps({**result, "peak_mb": round(peak_kb / 1024), "rows": rows}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=200_000)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        child()
        return
    ensure_programs(args.programs)
    total = Program.objects.count()
    result = json.loads(
        subprocess.run(  # noqa: S603 (this script, with a fixed flag)
            [sys.executable, __file__, "--child"], capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    ok = result["seconds"] <= BUDGET_SECONDS and result["peak_mb"] <= BUDGET_MB
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"bulk export of {total:,} programs (CSV + JSON Lines + CTDL JSON-LD): "
        f"{result['seconds']} s wall (budget {BUDGET_SECONDS} s; {result['cpu_seconds']} s CPU "
        f"in the exporting process, the database's apart), peak {result['peak_mb']} MB "
        f"(budget {BUDGET_MB} MB), rows {result['rows']}: {'within' if ok else 'OVER'} budget; "
        f"load average {load} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
