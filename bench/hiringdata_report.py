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

from django.db import connection  # noqa: E402

from alliance.models import Member  # noqa: E402
from hiringdata.models import HiringCount  # noqa: E402
from hiringdata.synthetic import hires_generate, members_create  # noqa: E402
from hiringdata.transparency.inputs import year_input  # noqa: E402
from hiringdata.transparency.services import report_build  # noqa: E402
from hiringdata.transparency.tables import report_tables_protect  # noqa: E402

BUDGET_S = 15.0


def _backend_cpu(pid: int) -> float | None:
    """CPU seconds used so far by a local database backend (None when it is not local)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    cells = HiringCount.objects.filter(submission__year=args.year).count()
    print(f"data: {len(ids)} members, {made} hires generated in {generated:.1f} s; {cells} cells")

    started = time.perf_counter()
    data = year_input(year=args.year)
    read = time.perf_counter() - started
    started = time.perf_counter()
    report_tables_protect(data=data)
    protect = time.perf_counter() - started
    print(f"parts: input query {read:.2f} s, suppression + audit {protect:.2f} s")

    # CPU seconds of this process and of its database backend: the build's own work, which
    # on a machine shared with other work is a truer figure than the wall clock.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    db_cpu = _backend_cpu(backend)
    py_cpu = time.process_time()
    started = time.perf_counter()
    report = report_build(year=args.year)
    elapsed = time.perf_counter() - started
    py_cpu = time.process_time() - py_cpu
    db_after = _backend_cpu(backend)
    db_cpu = db_after - db_cpu if db_after is not None and db_cpu is not None else None
    tables = report.tables.count()
    withheld = sum(t.audit.get("withheld_cells", 0) for t in report.tables.all())
    opted = report.tables.filter(member__isnull=False).values("member").distinct().count()
    verdict = "within" if elapsed <= BUDGET_S else "OVER"
    print(
        f"report {args.year} v{report.version}: {tables} tables ({opted} opted-in members), "
        f"{withheld} withheld cells audited, {report.summary['tables_failed']} not published"
    )
    print(f"build: {elapsed:.2f} s ({verdict} the {BUDGET_S:.0f} s budget)")
    if db_cpu is not None:
        print(
            f"build CPU: {py_cpu + db_cpu:.2f} s (Python {py_cpu:.2f} s, database {db_cpu:.2f} s)"
        )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} (shared with other work)")


if __name__ == "__main__":
    main()
