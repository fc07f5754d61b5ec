"""Profile the search pages with pyinstrument: where a request spends its time in Python.

Run with the project's environment (DATABASE_URL etc.):
    python bench/profile_search_pages.py [URL ...]
Prints, for each URL, CPU time per request (process time, which other processes on a busy
machine do not inflate) and pyinstrument's call tree over 10 requests, and writes them to
bench/results/search_pages_profile.txt.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

from credentials.models import ComparisonIndex, Program  # noqa: E402

URLS = [
    "/credentials/?q=security",
    "/credentials/?category=cloud&max_cost=2000&sort=placement",
    "/programs/?zip=07102&within=25&wioa=true&max_cost=6000&sort=distance",
    "/programs/?q=securty+plus&zip=",
]
OUTPUT = Path(__file__).resolve().parent / "results" / "search_pages_profile.txt"


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    lines = [
        f"{ComparisonIndex.objects.count()} indexed credentials, {Program.objects.count()} "
        f"programs; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    ]
    for url in sys.argv[1:] or URLS:
        client.get(url)
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(10):
            client.get(url)
        lines.append(
            f"\n## {url}\nper request: {(time.process_time() - cpu) * 100:.1f} ms CPU, "
            f"{(time.perf_counter() - wall) * 100:.1f} ms wall"
        )
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(10):
            client.get(url)
        profiler.stop()
        lines.append(profiler.output_text(unicode=False, color=False))
    text = "\n".join(lines)
    print(text)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
