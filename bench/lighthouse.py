"""Lighthouse (mobile) on the main routes against a production-like server, with failing audits.

Run with the project's environment (DATABASE_URL with the sample and public data loaded):
    python bench/lighthouse.py [--runs 1] [--path /extra/ ...]
Installs the pinned `lighthouse` npm package into bench/node_modules (`npm ci`, from
bench/package-lock.json) when it is missing, collects the static files with hashed, compressed
names, starts gunicorn with DEBUG off on a free loopback port (as bench/load_profile.py does), and
runs Lighthouse with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium, headless) on `/`,
`/credentials/`, a compare of three real credentials, `/careers/15-1232/` and `/programs/`.
Prints the four category scores per page (the median of --runs), each scored audit that is not
passed, and the metrics, with the machine's load average before and after each run: performance
on a shared, busy machine is lower than on an idle one. Each audit is marked [load] (its figure
grows with the machine's load: CPU and server time) or [page] (about the page, whatever the
load). Writes the same to bench/results/lighthouse.txt. Targets (the design's budget):
performance >= 95, accessibility 100, best practices >= 95.
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

from load_profile import BENCH_ENV, HOST, free_port, start_server

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95}
# Audits whose result follows the machine's load (CPU time is measured, then scaled by the
# simulated phone's slowdown; the server answers slower when busy); the rest are about the page.
LOAD_BOUND = {
    "first-contentful-paint",
    "largest-contentful-paint",
    "speed-index",
    "total-blocking-time",
    "max-potential-fid",
    "interactive",
    "server-response-time",
    "document-latency-insight",
    "mainthread-work-breakdown",
    "bootup-time",
    "long-tasks",
}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def node() -> str:
    path = shutil.which("node")
    if not path:
        sys.exit("Node.js is needed to run Lighthouse (apt-get install nodejs npm)")
    return path


def ensure_lighthouse() -> None:
    """npm ci the pinned Lighthouse into bench/node_modules when it is not there."""
    if LIGHTHOUSE.exists():
        return
    npm = shutil.which("npm")
    if not npm:
        sys.exit("npm is needed to install Lighthouse (apt-get install npm)")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)  # noqa: S603


def pages() -> list[str]:
    """The routes, with a compare of three real credentials from the server's database."""
    import psycopg2

    with psycopg2.connect(os.environ["DATABASE_URL"]) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT slug FROM credentials_credential WHERE status = 'published' ORDER BY slug"
            " LIMIT 3"
        )
        slugs = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM pathways_occupation WHERE soc_code = '15-1232'")
        (careers,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM credentials_program")
        (programs,) = cursor.fetchone()
    if len(slugs) < 3 or not careers or not programs:
        sys.exit("Load the data first: manage.py load_sample_data && manage.py load_public_data")
    return [
        "/",
        "/credentials/",
        f"/credentials/compare/?ids={','.join(slugs)}",
        "/careers/15-1232/",
        "/programs/",
    ]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def lighthouse(url: str, attempts: int = 3) -> dict:  # type: ignore[type-arg]
    """One mobile Lighthouse run (its default: a Moto G Power, simulated slow 4G).

    On a busy machine Chromium sometimes loses the trace (NO_NAVSTART, NO_FCP): tried again.
    """
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    error = ""
    for _attempt in range(attempts):
        result = subprocess.run(  # noqa: S603 (node and the pinned package, fixed arguments)
            [node(), str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            capture_output=True, check=False, env=env, timeout=300,
        )  # fmt: skip
        if result.returncode == 0 and result.stdout.strip():
            report = json.loads(result.stdout)
            if not report.get("runtimeError"):
                return report  # type: ignore[no-any-return]
            error = str(report["runtimeError"])
        else:
            error = result.stderr.decode()[-2000:]
    sys.exit(f"Lighthouse failed {attempts} times on {url}:\n{error}")


def not_passed(report: dict) -> list[str]:  # type: ignore[type-arg]
    """Scored audits below 0.9, per category, with their short explanation."""
    lines = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score = audit.get("score")
            if (
                score is None
                or score >= 0.9
                or audit["scoreDisplayMode"] in ("manual", "notApplicable")
            ):
                continue
            shown = audit.get("displayValue", "")
            cause = "load" if ref["id"] in LOAD_BOUND else "page"
            line = f"    {category}: {ref['id']} ({score:.2f}) [{cause}] {audit['title']} {shown}"
            lines.append(line.rstrip())
    return lines


def metrics(report: dict) -> str:  # type: ignore[type-arg]
    return ", ".join(
        f"{name.replace('-', ' ')} {report['audits'][name].get('displayValue', '?')}"
        for name in METRICS
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown")
    parser.add_argument("--path", action="append", default=[], help="another path to audit")
    parser.add_argument("--static-root", type=Path, default=ROOT / "var" / "lighthouse-static")
    parser.add_argument("--output", type=Path, default=BENCH / "results" / "lighthouse.txt")
    args = parser.parse_args()
    ensure_lighthouse()
    os.environ["STATIC_ROOT"] = str(args.static_root)
    # Every time: the hashed names must be those of the files being served.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT, check=True, env=dict(os.environ, **BENCH_ENV),
    )  # fmt: skip
    paths = pages() + args.path
    version = subprocess.run(  # noqa: S603
        [node(), str(LIGHTHOUSE), "--version"], capture_output=True, check=True, text=True
    ).stdout.strip()
    lines = [
        f"Lighthouse {version} (mobile), {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} "
        f"UTC, on {os.cpu_count()} cores; gunicorn 2 workers x 4 threads, DEBUG off, hashed and "
        f"compressed static files; {args.runs} run(s) per page, median shown.",
        f"Targets: performance >= {TARGETS['performance']}, accessibility "
        f"{TARGETS['accessibility']}, best practices >= {TARGETS['best-practices']}.",
        f"{'page':<58}{'perf':>5}{'a11y':>5}{'best':>5}{'seo':>5}  load avg (1 5 15 min) before",
    ]
    print("\n".join(lines), flush=True)
    port = free_port()
    server = start_server(port, cache_on=True)
    missed = []
    try:
        for path in paths:
            url = f"http://{HOST}:{port}{path}"
            urllib.request.urlopen(url, timeout=60).read()  # warm the caches
            before = load_average()
            reports = [lighthouse(url) for _ in range(args.runs)]
            scores = {
                c: statistics.median(
                    round(100 * (r["categories"][c]["score"] or 0)) for r in reports
                )
                for c in CATEGORIES
            }
            report = min(reports, key=lambda r: r["categories"]["performance"]["score"] or 0)
            row = [
                f"{path:<58}" + "".join(f"{scores[c]:>5.0f}" for c in CATEGORIES) + f"  {before}"
            ]
            row.append(f"    metrics: {metrics(report)}")
            row += not_passed(report)
            row.append(f"    load average after: {load_average()}")
            missed += [f"{path} {c} {scores[c]:.0f}" for c, t in TARGETS.items() if scores[c] < t]
            print("\n".join(row), flush=True)
            lines += row
    finally:
        server.terminate()
        server.wait(timeout=30)
    summary = "Below target: " + ("; ".join(missed) if missed else "none")
    print(summary)
    lines.append(summary)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
