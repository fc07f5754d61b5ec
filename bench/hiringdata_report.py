"""Benchmark: build the transparency report for 1,000 members x 2,000 hires (budget 15 s).

Run with the portal's environment (DATABASE_URL etc.):
    python bench/hiringdata_report.py [--members 1000] [--hires 2000] [--year 2031]
Makes synthetic members up to --members and one accepted synthetic submission each for the
year (skipped when already there), then times report_build() for that year.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

import django

django.setup()

from alliance.models import Member  # noqa: E402
from hiringdata.models import HiringCount  # noqa: E402
from hiringdata.synthetic import hires_generate, members_create  # noqa: E402
from hiringdata.transparency.inputs import year_input  # noqa: E402
from hiringdata.transparency.services import report_build  # noqa: E402
from hiringdata.transparency.tables import report_tables_protect  # noqa: E402

BUDGET_S = 15.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--hires", type=int, default=2000)
    parser.add_argument("--year", type=int, default=2031)
    args = parser.parse_args()

    have = Member.objects.filter(is_synthetic=True).count()
    if have < args.members:
        members_create(count=args.members - have)
    ids = list(
        Member.objects.filter(is_synthetic=True)
        .order_by("id")
        .values_list("id", flat=True)[: args.members]
    )
    started = time.perf_counter()
    made = hires_generate(member_ids=ids, year=args.year, hires_per_member=args.hires, seed=11)
    generated = time.perf_counter() - started
    cells = HiringCount.objects.filter(year=args.year).count()
    print(f"data: {len(ids)} members, {made} hires generated in {generated:.1f} s; {cells} cells")

    started = time.perf_counter()
    data = year_input(year=args.year)
    read = time.perf_counter() - started
    started = time.perf_counter()
    report_tables_protect(data=data)
    protect = time.perf_counter() - started
    print(f"parts: input query {read:.2f} s, suppression + audit {protect:.2f} s")

    started = time.perf_counter()
    report = report_build(year=args.year)
    elapsed = time.perf_counter() - started
    tables = report.tables.count()
    withheld = sum(t.audit.get("withheld_cells", 0) for t in report.tables.all())
    opted = report.tables.filter(member__isnull=False).values("member").distinct().count()
    verdict = "within" if elapsed <= BUDGET_S else "OVER"
    print(
        f"report {args.year} v{report.version}: {tables} tables ({opted} opted-in members), "
        f"{withheld} withheld cells audited, {report.summary['tables_failed']} not published"
    )
    print(f"build: {elapsed:.2f} s ({verdict} the {BUDGET_S:.0f} s budget)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (shared with other work)")


if __name__ == "__main__":
    main()
