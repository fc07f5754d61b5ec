"""What linking glossary words costs per page (careerportal.glossary_links, pathways.glossary).

Run with the project's environment against a database with the sample and public data:
    DEBUG=1 DATABASE_URL=... python bench/glossary_links.py [URL ...]
Fetches each page once through the test client, then times link_first_uses on it (with the
links it added taken out) in process CPU time, which other processes on a busy machine do not
inflate. Prints page size, links made and the median and worst of 50 runs.
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from pathways.glossary import glossary_terms, link_first_uses  # noqa: E402

URLS = ["/", "/credentials/", "/credentials/?q=security", "/funding/", "/careers/15-1232/",
        "/programs/?zip=07102&within=25", "/es/funding/"]  # fmt: skip
LINK = re.compile(r'<a class="glossary-term"[^>]*>(?:<abbr[^>]*>)?([^<]*)(?:</abbr>)?</a>')


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    print(f"{'page':45} {'KB':>6} {'links':>5} {'median ms':>10} {'max ms':>7}")
    for url in sys.argv[1:] or URLS:
        response = client.get(url)
        page = LINK.sub(r"\1", response.content.decode())
        language = "es" if url.startswith("/es/") else "en"
        from django.utils import translation

        with translation.override(language):
            terms = glossary_terms()
        times = []
        for _ in range(50):
            started = time.process_time()
            out = link_first_uses(page, terms=terms, glossary_url="/glossary/")
            times.append((time.process_time() - started) * 1000)
        links = out.count('class="glossary-term"')
        print(
            f"{url:45} {len(page) / 1024:6.0f} {links:5} "
            f"{statistics.median(times):10.2f} {max(times):7.2f}"
        )
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
