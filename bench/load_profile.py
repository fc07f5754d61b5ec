"""Load profile of the public mix against gunicorn on 127.0.0.1, bounded in count and time.

Run with the project's environment (DATABASE_URL with sample data loaded, REDIS_URL):
    python bench/load_profile.py [--users 50 200] [--requests 400] [--seconds 60]
Starts gunicorn (DEBUG off, 2 workers x 4 threads) on a free loopback port, once with the Redis
cache and once without (no REDIS_URL, PUBLIC_CACHE_SECONDS=0), and sends each user count's
requests from that many threads (each a user on its own keep-alive connection, no think time)
over the real mix, weighted as a public audience uses the site (MIX below): search with varied
words, credential details and comparisons of varied credentials, careers and one career,
programs near a ZIP (real ZCTA centroids when loaded), and API reads. Each run stops at
--requests or --seconds, whichever comes first. Prints requests per second (all and per route),
errors and p50/p95/p99 per route, and writes the same to bench/results/load_profile.txt.
Only 127.0.0.1 is ever contacted. The machine's load average is printed with the figures.
"""

import argparse
import datetime
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# The benchmark's own server only, on loopback: not a secret.
BENCH_ENV = {"DEBUG": "0", "SECRET_KEY": "bench-only-not-secret", "ALLOWED_HOSTS": HOST}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


# Share of requests per route (out of 100): searches and details dominate public traffic.
MIX = {
    "search": 22,
    "detail": 18,
    "compare": 8,
    "careers": 6,
    "career": 8,
    "programs_zip": 14,
    "api_list": 12,
    "api_detail": 12,
}
WORDS = ["security", "cloud", "network", "data", "python", "help desk", "linux", "analyst"]


def sample_paths() -> dict[str, list[str]]:
    """Several real paths per route, from the database the server uses."""
    import psycopg2

    with psycopg2.connect(os.environ["DATABASE_URL"]) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT slug FROM credentials_credential WHERE status = 'published' ORDER BY id"
            " LIMIT 20"
        )
        slugs = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT soc_code FROM pathways_occupation ORDER BY soc_code LIMIT 10")
        socs = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT code FROM pathways_zcta ORDER BY code LIMIT 10")
        zips = [row[0] for row in cursor.fetchall()] or ["20001"]
    if len(slugs) < 2 or not socs:
        sys.exit("Load the sample data first: python manage.py load_sample_data")
    pairs = [f"{a},{b}" for a, b in zip(slugs, slugs[1:] + slugs[:1], strict=True)]
    return {
        "search": [f"/credentials/?q={word.replace(' ', '+')}" for word in WORDS],
        "detail": [f"/credentials/{slug}/" for slug in slugs],
        "compare": [f"/credentials/compare/?ids={pair}" for pair in pairs],
        "careers": ["/careers/"],
        "career": [f"/careers/{soc}/" for soc in socs],
        "programs_zip": [f"/programs/?zip={code}&within=50" for code in zips],
        "api_list": [
            "/api/v1/credentials/",
            "/api/v1/credentials/?q=cloud",
            "/api/v1/occupations/",
        ],
        "api_detail": [f"/api/v1/credentials/{slug}/" for slug in slugs],
    }


def schedule(paths: dict[str, list[str]]) -> list[tuple[str, str]]:
    """One round of 100 requests in the MIX's shares, routes interleaved, paths varied."""
    order: list[tuple[str, str]] = []
    used = dict.fromkeys(MIX, 0)
    for step in range(100):
        # The route furthest behind its share goes next (a smooth interleaving).
        name = max(MIX, key=lambda n: MIX[n] * (step + 1) / 100 - used[n])
        order.append((name, paths[name][used[name] % len(paths[name])]))
        used[name] += 1
    return order


def start_server(port: int, cache_on: bool) -> subprocess.Popen[bytes]:
    env = dict(os.environ, **BENCH_ENV)
    env.update(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0")
    if not cache_on:
        env.pop("REDIS_URL", None)
        env["PUBLIC_CACHE_SECONDS"] = "0"
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and fixed arguments)
        [sys.executable, "-m", "gunicorn", "careerportal.wsgi:application", "--bind",
         f"{HOST}:{port}", "--workers", "2", "--threads", "4", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status in (200, 503):
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not start in 60 s")


def preflight(port: int, paths: dict[str, list[str]]) -> None:
    """Every path answers 200 once before the clock starts: a bench of errors measures nothing."""
    for route, route_paths in paths.items():
        for path in route_paths:
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            connection.request("GET", path)
            status = connection.getresponse().status
            if status != 200:
                sys.exit(f"{route}: {path} answered {status}, not 200")


def run(port: int, paths: dict[str, list[str]], users: int, requests: int, seconds: float) -> dict:
    order = schedule(paths)
    names = list(MIX)
    times: dict[str, list[float]] = {name: [] for name in names}
    errors: dict[str, int] = dict.fromkeys(names, 0)
    counter = iter(range(requests))
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def user() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < stop_at:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            name, path = order[number % len(order)]
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                times[name].append(elapsed)
                errors[name] += 0 if ok else 1

    started = time.perf_counter()
    threads = [threading.Thread(target=user) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {"wall": wall, "times": times, "errors": errors}


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--static-root", type=Path, default=ROOT / "var" / "bench-static")
    parser.add_argument("--output", type=Path, default=ROOT / "bench/results/load_profile.txt")
    args = parser.parse_args()
    os.environ["STATIC_ROOT"] = str(args.static_root)
    if not (args.static_root / "staticfiles.json").exists():  # collected once (minutes)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT, check=True, env=dict(os.environ, **BENCH_ENV),
        )  # fmt: skip
    paths = sample_paths()
    lines = [
        f"Load profile, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; gunicorn 2 workers x "
        f"4 threads on {HOST}; at most {args.requests} requests or {args.seconds:.0f} s a run.",
        f"{'cache':<6}{'users':>6}{'route':>14}{'n':>6}{'err':>5}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'req/s':>8}",
    ]
    for cache_on in (True, False):
        port = free_port()
        server = start_server(port, cache_on)
        try:
            preflight(port, paths)
            for users in args.users:
                result = run(port, paths, users, args.requests, args.seconds)
                total = sum(len(v) for v in result["times"].values())
                rate = total / result["wall"]
                for name, values in result["times"].items():
                    lines.append(
                        f"{'on' if cache_on else 'off':<6}{users:>6}{name:>14}{len(values):>6}"
                        f"{result['errors'][name]:>5}{percentile(values, 0.5):>9.0f}"
                        f"{percentile(values, 0.95):>9.0f}{percentile(values, 0.99):>9.0f}"
                        f"{len(values) / result['wall']:>8.1f}"
                    )
                every = [t for values in result["times"].values() for t in values]
                lines.append(
                    f"{'on' if cache_on else 'off':<6}{users:>6}{'ALL':>14}{total:>6}"
                    f"{sum(result['errors'].values()):>5}{percentile(every, 0.5):>9.0f}"
                    f"{percentile(every, 0.95):>9.0f}{percentile(every, 0.99):>9.0f}{rate:>8.1f}"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines.append(f"load average after: {os.getloadavg()[0]:.1f}")
    report = "\n".join(lines) + "\n"
    print(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report)


if __name__ == "__main__":
    main()
