"""Public-data load on `make run`: first load and an unchanged second load, time and peak memory.

Budget (design): first load <= 60 s on 2 cores, second <= 5 s. Uses an empty database:
    createdb bench_public && DEBUG=1 DATABASE_URL=postgres://.../bench_public \\
        .venv/bin/python bench/public_data_load.py
"""

import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    call_command("migrate", verbosity=0)
    for label in ("first load", "second load (unchanged)"):
        out = io.StringIO()
        started = time.perf_counter()
        cpu = time.process_time()
        call_command("load_public_data", stdout=out)
        print(
            f"{label}: {time.perf_counter() - started:.1f} s wall, "
            f"{time.process_time() - cpu:.1f} s CPU in Python, peak RSS {peak_mb():.0f} MB"
        )
        for line in out.getvalue().splitlines():
            print("   ", line)


if __name__ == "__main__":
    main()
