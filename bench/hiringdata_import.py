"""Benchmark the hiring-data import against the strict baseline of the same file.

Run with the portal's environment (DATABASE_URL...):
    python bench/hiringdata_import.py [--rows 1000000] [--xlsx-rows 100000] [--seed 7]

The strict baseline is the least any import of the file must do: psql `\\copy` of the file into
an UNLOGGED table of text columns, plus one `INSERT ... SELECT ... GROUP BY` of the six
dimensions into an UNLOGGED table of cells, as timed by psql itself (no Python, no fetching).
Each import runs in a fresh child process so its peak resident memory is its own.
Budgets (DESIGN.md, issue 16): CSV import <= 3x the strict baseline; peak memory <= 300 MB.
The data are synthetic (generated here, marked so in the database).
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from alliance.models import Member, MemberKind, MemberSize  # noqa: E402
from hiringdata import ingest, models  # noqa: E402
from hiringdata.ingest import SOC_FORM  # noqa: E402
from pathways.models import Occupation  # noqa: E402

YEAR = 2025
BENCH_SLUG = "bench-synthetic-employer"
BENCH_SOC = ["15-1211", "15-1212", "15-1231", "15-1232", "15-1241", "15-1244", "15-1252"]
COLUMNS = ingest.COLUMNS[models.SubmissionShape.RECORDS]


def ensure_rows() -> tuple[Member, list[str], list[str]]:
    """A synthetic member, the SOC codes and credential slugs the generated file uses."""
    member, _ = Member.objects.get_or_create(
        slug=BENCH_SLUG,
        defaults={
            "name": "Benchmark employer (synthetic)",
            "kind": MemberKind.EMPLOYER,
            "size": MemberSize.LARGE,
            "is_synthetic": True,
        },
    )
    # Hiring data takes SOC codes (15-1212), not O*NET's detailed ones (15-1212.00) that the
    # public data also loads.
    socs = list(
        Occupation.objects.filter(soc_code__regex=SOC_FORM).values_list("soc_code", flat=True)[:16]
    )
    if not socs:
        for code in BENCH_SOC:
            Occupation.objects.get_or_create(soc_code=code, defaults={"title": f"Bench {code}"})
        socs = BENCH_SOC
    from credentials.models import Credential

    slugs = list(Credential.objects.values_list("slug", flat=True)[:40])
    return member, socs, slugs


def generate_csv(
    path: Path, rows: int, socs: list[str], slugs: list[str], seed: int, bad_every: int = 0
) -> None:
    rng = random.Random(seed)
    start = date(YEAR, 1, 1)
    vocab = [ingest.VOCABULARIES[c] for c in DIMENSIONS_AFTER_SOC]
    skew = [[1 / (rank + 1) for rank in range(len(v))] for v in vocab]
    soc_skew = [1 / (rank + 1) for rank in range(len(socs))]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(COLUMNS) + "\n")
        for i in range(rows):
            hired = start + timedelta(days=rng.randrange(365))
            # Real hiring is concentrated (most hires in a few jobs and groups): skewed choices.
            values = [rng.choices(v, weights)[0] for v, weights in zip(vocab, skew, strict=True)]
            if bad_every and i % bad_every == 0:
                values[0] = "manager"  # not an EEO-1 job category
            credential = rng.choice(slugs) if slugs and rng.random() < 0.3 else ""
            out.write(
                f"H{seed}-{i},{hired.isoformat()},{rng.choices(socs, soc_skew)[0]},"
                f"{','.join(values)},{credential}\n"
            )


DIMENSIONS_AFTER_SOC = ingest.DIMENSIONS[1:]


def generate_xlsx(source: Path, path: Path, rows: int) -> None:
    import csv

    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    with source.open(encoding="utf-8", newline="") as text:
        for index, row in enumerate(csv.reader(text)):
            if index > rows:
                break
            sheet.append(row)
    workbook.save(path)


def _psql_dsn() -> str:
    db = connection.settings_dict
    parts = {
        "dbname": db["NAME"],
        "user": db["USER"],
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "password": db["PASSWORD"],
    }
    return " ".join(f"{key}={value}" for key, value in parts.items() if value)


def strict_baseline(path: Path, *, with_credential: bool = False) -> float:
    """Seconds psql reports for `\\copy` into an UNLOGGED table plus one INSERT ... SELECT ...
    GROUP BY over the six dimensions (table creation and psql start-up not counted).

    with_credential groups by the credential too: the cells the import stored until the
    credential got a table of its own (2026-12-01), kept for comparison with earlier results."""
    raw = ", ".join(f"{c} text" for c in COLUMNS)
    grouped = [*ingest.DIMENSIONS, *(["credential"] if with_credential else [])]
    dims = ", ".join(grouped)
    script = "\n".join(
        [
            "DROP TABLE IF EXISTS bench_strict_raw, bench_strict_cells;",
            f"CREATE UNLOGGED TABLE bench_strict_raw ({raw});",
            "CREATE UNLOGGED TABLE bench_strict_cells"
            f" ({', '.join(f'{d} text' for d in grouped)}, hires integer);",
            "\\timing on",
            f"\\copy bench_strict_raw FROM '{path}' WITH (FORMAT csv, HEADER true)",
            f"INSERT INTO bench_strict_cells SELECT {dims}, count(*) FROM bench_strict_raw"
            f" GROUP BY {dims};",
            "\\timing off",
            "DROP TABLE bench_strict_raw, bench_strict_cells;",
        ]
    )
    done = subprocess.run(  # noqa: S603
        ["psql", _psql_dsn(), "-v", "ON_ERROR_STOP=1", "-X", "-q"],  # noqa: S607
        input=script,
        capture_output=True,
        text=True,
        check=True,
    )
    times = [
        float(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("Time:")
    ]
    assert len(times) == 2, done.stdout + done.stderr
    return sum(times) / 1000


def run_import(path: Path, member_slug: str) -> dict[str, object]:
    """Receive and process the file exactly as the web upload does; report time and memory."""
    from hiringdata import services

    member = Member.objects.get(slug=member_slug)
    started = time.perf_counter()
    with path.open("rb") as upload:
        received = services.submission_receive(
            member=member, year=YEAR, upload=upload, filename=path.name, user=None
        )
    after_receive = time.perf_counter()
    timings: dict[str, float] = {}
    real_import = ingest.import_file

    def timed_import(**kwargs):  # type: ignore[no-untyped-def]
        result = real_import(**kwargs)
        timings.update(result.timings)
        return result

    ingest.import_file = timed_import  # type: ignore[assignment]
    submission = services.submission_process(submission_id=received.submission.pk)
    finished = time.perf_counter()
    assert submission is not None
    return {
        "status": submission.status,
        "rows": submission.rows_total,
        "cells": submission.cells_total,
        "hires": submission.hires_total,
        "issues": submission.issues_total,
        "receive_s": round(after_receive - started, 2),
        "process_s": round(finished - after_receive, 2),
        "total_s": round(finished - started, 2),
        "steps_s": timings,
        "peak_rss_mb": peak_rss_mb(),
    }


def forget_earlier_runs(member_slug: str) -> None:
    """Same bytes would return the earlier submission: start from a clean slate each run.

    In SQL, in the parent: the ORM's delete would load every cell of the earlier runs into the
    child and count that memory as the import's.
    """
    member = Member.objects.get(slug=member_slug)
    earlier = list(
        models.Submission.objects.filter(member=member, year=YEAR).values_list("pk", flat=True)
    )
    with transaction.atomic(), connection.cursor() as cursor:
        for table in (
            "hiringdata_hiringcount",
            "hiringdata_hiringcredentialcount",
            "hiringdata_validationissue",
        ):
            cursor.execute(f"DELETE FROM {table} WHERE submission_id = ANY(%s)", [earlier])
        models.Submission.objects.filter(pk__in=earlier).update(superseded_by=None)
        models.Submission.objects.filter(pk__in=earlier).delete()


def peak_rss_mb() -> float:
    """This process's peak resident memory since exec.

    ru_maxrss is not enough: Linux carries it over from the parent across fork and exec, so a
    child started by a big parent reports the parent's peak. VmHWM belongs to the new address
    space made by exec, so it is the import's own.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child_import(path: Path) -> dict[str, object]:
    forget_earlier_runs(BENCH_SLUG)
    output = subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--child", str(path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--bad-every",
        type=int,
        default=100,
        help="also time a file with every Nth row wrong (0: skip)",
    )
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        # Modest private storage for the bench; raised row limit so 1M rows are allowed.
        from django.conf import settings

        settings.HIRINGDATA_MAX_ROWS = max(settings.HIRINGDATA_MAX_ROWS, 2_000_000)
        settings.HIRINGDATA_MAX_FILE_BYTES = 1 << 30
        from hiringdata import services

        # Measure the processing once, here, not again in a queued task.
        services.submission_enqueue = lambda **kwargs: False  # type: ignore[assignment]
        print(json.dumps(run_import(Path(args.child), BENCH_SLUG)))
        return

    _member, socs, slugs = ensure_rows()
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "hires.csv"
        generate_csv(csv_path, args.rows, socs, slugs, args.seed)
        size_mb = csv_path.stat().st_size / 2**20
        print(f"CSV: {args.rows:,} record rows, {size_mb:.1f} MB")
        print(f"  load average before: {os.getloadavg()[0]:.2f} (1 min)")
        base = min(strict_baseline(csv_path) for _ in range(2))
        print(f"  strict baseline (psql \\copy UNLOGGED + INSERT ... GROUP BY): {base:.2f} s")
        result = child_import(csv_path)
        ratio = result["total_s"] / base  # type: ignore[operator]
        print(f"  full import: {json.dumps(result)}")
        print(
            f"  ratio {ratio:.2f}x the strict baseline (budget <= 3x: "
            f"{'OK' if ratio <= 3 else 'OVER'}); peak RSS {result['peak_rss_mb']} MB "
            f"(budget <= 300 MB: {'OK' if result['peak_rss_mb'] <= 300 else 'OVER'})"  # type: ignore[operator]
        )
        same_cells = min(strict_baseline(csv_path, with_credential=True) for _ in range(2))
        print(
            f"  for reference: the strict baseline grouping by the credential too (the cells "
            f"stored before 2026-12-01): {same_cells:.2f} s, ratio "
            f"{result['total_s'] / same_cells:.2f}x"  # type: ignore[operator]
        )
        print(f"  load average after: {os.getloadavg()[0]:.2f} (1 min)")
        if args.bad_every:
            bad_path = Path(folder) / "hires-with-errors.csv"
            generate_csv(bad_path, args.rows, socs, slugs, args.seed + 1, args.bad_every)
            result = child_import(bad_path)
            print(f"CSV with every {args.bad_every}th row wrong: {json.dumps(result)}")
        if args.xlsx_rows:
            xlsx_path = Path(folder) / "hires.xlsx"
            generate_xlsx(csv_path, xlsx_path, args.xlsx_rows)
            print(
                f"XLSX: {args.xlsx_rows:,} record rows, {xlsx_path.stat().st_size / 2**20:.1f} MB"
            )
            result = child_import(xlsx_path)
            print(f"  full import: {json.dumps(result)}")
            print(
                f"  {args.xlsx_rows / result['total_s']:.0f} rows/s; peak RSS "  # type: ignore[operator]
                f"{result['peak_rss_mb']} MB (budget <= 300 MB: "
                f"{'OK' if result['peak_rss_mb'] <= 300 else 'OVER'})"  # type: ignore[operator]
            )


if __name__ == "__main__":
    main()
