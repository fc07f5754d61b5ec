"""Load profile of the public mix against gunicorn on 127.0.0.1: the highest open-loop rate with
p95 <= 200 ms and no errors, per cache mode and number of users; bounded in time.

    .venv/bin/python bench/load_profile.py                       # the figures (at most about 8 min)
    .venv/bin/python bench/load_profile.py --users 5 --step-seconds 3 --max-steps 2   # a check

Needs the project's environment: DATABASE_URL with the sample data loaded and REDIS_URL.
Starts gunicorn (DEBUG off, 2 workers x 4 threads) on a free loopback port, once with the Redis
cache ("on") and once without (no REDIS_URL, PUBLIC_CACHE_SECONDS=0: "off").

Open loop, no coordinated omission: for a rate R, request k is due at a fixed time (even
spacing, or --poisson) whatever the server does; up to --users simulated users (threads, each
on its own keep-alive connection) send the due requests, and a request's latency is counted
from the time it was due, so time spent waiting for a free user or in the server's queue counts.
Each user is one client address: the server trusts one proxy (TRUSTED_PROXY_COUNT=1, as in
production behind the compose proxy) and each user sends X-Forwarded-For with its own address,
so the API's anonymous throttle counts users, not the benchmark (throttling stays on).

Search, per cache mode and user count: R starts at --rate-start and grows by --growth while a
step of --step-seconds passes (p95 <= --p95-ms over all routes, no errors, no request sent more
than 1 s late); after the first failure it bisects between the best pass and the failure, for at
most --max-steps steps. Each search gets an even share of what is left of --budget seconds of
searching (starting the servers and warming them up comes on top: about a minute on a quiet
machine); a search that runs out says so.

Printed and written to bench/results/load_profile.txt: every step (R, sent, errors, p50/p95/p99)
and, for the highest passing R, rps and p50/p95/p99 per route. Where the time goes: "server ms"
is gunicorn's own time for the request (access log %(M)s, via an X-Bench-Route header), so
latency minus server time is waiting (for a user thread, the socket backlog, a gunicorn thread);
"queries" and "db ms" are one warm in-process request per route (Django's test client, the same
settings), and --profile adds a pyinstrument profile of those requests to
bench/results/load_profile_pyinstrument_cache_{on,off}.txt. Only 127.0.0.1 is ever contacted.
The machine's load average is printed with the figures: on a busy machine they say little.
Not in the mix yet: hiring-data uploads in the background (they need a signed-in member and a
Celery worker; see the session's report).
"""

import argparse
import collections
import datetime
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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


ACCESS_FORMAT = "%({x-bench-route}i)s %(s)s %(M)s"


def start_server(
    port: int, cache_on: bool, access_log: Path | None = None
) -> subprocess.Popen[bytes]:
    """gunicorn on loopback; with access_log, each request's route, status and time logged."""
    logging = (
        ["--access-logfile", str(access_log), "--access-logformat", ACCESS_FORMAT]
        if access_log is not None
        else []
    )
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and fixed arguments)
        [sys.executable, "-m", "gunicorn", "careerportal.wsgi:application", "--bind",
         f"{HOST}:{port}", "--workers", "2", "--threads", "4", "--log-level", "warning",
         *logging],
        cwd=ROOT, env=server_env(cache_on),
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


def server_env(cache_on: bool) -> dict[str, str]:
    env = dict(os.environ, **BENCH_ENV)
    # One trusted proxy: the client address is the last X-Forwarded-For entry (see the top).
    env.update(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0", TRUSTED_PROXY_COUNT="1")
    if not cache_on:
        env.pop("REDIS_URL", None)
        env["PUBLIC_CACHE_SECONDS"] = "0"
    return env


def preflight(port: int, paths: dict[str, list[str]]) -> None:
    """Every path answers 200 once before the clock starts (and the cache is warm)."""
    for route, route_paths in paths.items():
        for path in route_paths:
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            connection.request("GET", path, headers={"X-Forwarded-For": "10.255.255.254"})
            status = connection.getresponse().status
            if status != 200:
                sys.exit(f"{route}: {path} answered {status}, not 200")


STALE_CONNECTION = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
REQUEST_TIMEOUT = 5.0  # seconds; a request this slow has failed the 200 ms goal long before
LATE_LIMIT = 1.0  # a step whose requests start this late has lost the rate: it fails


@dataclass
class Step:
    rate: float
    users: int
    seconds: float
    latency: dict[str, list[float]] = field(default_factory=dict)  # from when each was due
    errors: dict[str, collections.Counter[str]] = field(default_factory=dict)
    latest_start: float = 0.0  # the most a request was sent after it was due
    server: dict[str, list[float]] = field(default_factory=dict)  # gunicorn's own times
    wall: float = 0.0

    def every(self) -> list[float]:
        return [t for values in self.latency.values() for t in values]

    def error_count(self) -> int:
        return sum(sum(c.values()) for c in self.errors.values())

    def passed(self, p95_ms: float) -> bool:
        every = self.every()
        return (
            bool(every)
            and self.error_count() == 0
            and percentile(every, 0.95) <= p95_ms
            and self.latest_start <= LATE_LIMIT
        )


def address(user: int) -> str:
    """A distinct client address per simulated user (10.0.0.1, 10.0.0.2, ...)."""
    return f"10.{(user >> 16) & 255}.{(user >> 8) & 255}.{user & 255}"


def run_open(
    port: int, order: list[tuple[str, str]], users: int, rate: float, seconds: float,
    poisson: bool,
) -> Step:  # fmt: skip
    """Requests due at rate per second for seconds, sent by up to users threads."""
    rng = random.Random(int(rate * 1000))  # the same schedule for the same rate
    due: list[float] = []
    at = 0.0
    while at < seconds:
        due.append(at)
        at += rng.expovariate(rate) if poisson else 1 / rate
    step = Step(rate=rate, users=users, seconds=seconds)
    step.latency = {name: [] for name in MIX}
    step.errors = {name: collections.Counter() for name in MIX}
    lock = threading.Lock()
    numbers = iter(range(len(due)))
    start = time.perf_counter() + 0.2
    give_up = start + seconds + REQUEST_TIMEOUT

    def user(number: int) -> None:
        headers = {"X-Forwarded-For": address(number), "X-Bench-Route": ""}
        connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        while True:
            with lock:
                k = next(numbers, None)
            if k is None:
                return
            name, path = order[k % len(order)]
            scheduled = start + due[k]
            if (wait := scheduled - time.perf_counter()) > 0:
                time.sleep(wait)
            sent = time.perf_counter()
            if sent > give_up:  # the server fell so far behind that this was never sent
                with lock:
                    step.errors[name]["not sent"] += 1
                continue
            headers["X-Bench-Route"] = name
            for attempt in (1, 2):
                try:
                    connection.request("GET", path, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    outcome = "" if response.status == 200 else str(response.status)
                    break
                except OSError as error:
                    outcome = type(error).__name__
                    connection.close()
                    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
                    # gunicorn closes a keep-alive connection idle for 2 s; a browser then sends
                    # the GET again on a new one, and so does this user (the time counts).
                    if not isinstance(error, STALE_CONNECTION) or attempt == 2:
                        break
            done = time.perf_counter()
            with lock:
                step.latest_start = max(step.latest_start, sent - scheduled)
                if outcome:
                    step.errors[name][outcome] += 1
                else:
                    step.latency[name].append(done - scheduled)

    threads = [threading.Thread(target=user, args=(n + 1,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    step.wall = time.perf_counter() - start
    return step


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def server_times(access_log: Path, skip: int) -> tuple[dict[str, list[float]], int]:
    """gunicorn's own time per route (ms) from the access log lines after the first skip."""
    lines = access_log.read_text().splitlines() if access_log.exists() else []
    times: dict[str, list[float]] = collections.defaultdict(list)
    for line in lines[skip:]:
        parts = line.split()
        if len(parts) == 3 and parts[0] in MIX:
            times[parts[0]].append(float(parts[2]) / 1000)
    return times, len(lines)


def explain(cache_on: bool, profile: Path | None) -> dict[str, dict[str, float]]:
    """Queries and database time of one warm request per route, in a process of its own with
    the server's settings (run as: load_profile.py --explain-json on|off)."""
    command = [sys.executable, __file__, "--explain-json", "on" if cache_on else "off"]
    if profile:
        command += ["--profile-to", str(profile)]
    done = subprocess.run(  # noqa: S603 (this file, fixed arguments)
        command, cwd=ROOT, env=server_env(cache_on), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])


def explain_here(profile: Path | None) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerportal.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_FOR="10.255.255.253")
    paths = sample_paths()
    for route_paths in paths.values():  # warm: the server had its preflight too
        client.get(route_paths[0])
    out: dict[str, dict[str, float]] = {}
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
    for name, route_paths in paths.items():
        db_ms = []
        for _ in range(5):  # the median of five for the time; the count is the same each time
            with CaptureQueriesContext(connection) as queries:
                client.get(route_paths[0])
            db_ms.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        out[name] = {"queries": len(queries.captured_queries), "db_ms": sorted(db_ms)[2]}
    if profiler:
        profiler.stop()
        assert profile is not None
        profile.write_text(profiler.output_text(unicode=False, color=False))
    print(json.dumps(out))


def search(
    port: int, order: list[tuple[str, str]], users: int, args: argparse.Namespace,
    deadline: float, say: Callable[[str], None], access_log: Path,
) -> Step | None:  # fmt: skip
    """The highest passing rate found within max_steps (None when none passed)."""
    best: Step | None = None
    failed: float | None = None
    rate = args.rate_start
    for _ in range(args.max_steps):
        if time.monotonic() + args.step_seconds + 2 * REQUEST_TIMEOUT > deadline:
            say("  (this search's share of --budget is spent: stopped here)")
            break
        _, mark = server_times(access_log, 0)
        step = run_open(port, order, users, rate, args.step_seconds, args.poisson)
        step.server, _ = server_times(access_log, mark)
        every = step.every()
        ok = step.passed(args.p95_ms)
        errors = collections.Counter[str]()
        for counter in step.errors.values():
            errors.update(counter)
        say(
            f"  R {rate:7.1f}/s  sent {len(every) + step.error_count():5}  "
            f"errors {step.error_count():4} {dict(errors) or ''}  "
            f"p50 {percentile(every, 0.5):6.0f}  p95 {percentile(every, 0.95):6.0f}  "
            f"p99 {percentile(every, 0.99):6.0f} ms  late {step.latest_start:5.2f} s  "
            f"{'pass' if ok else 'FAIL'}"
        )
        if ok:
            best = step
        else:
            failed = rate if failed is None else min(failed, rate)
        low = best.rate if best else 0.0
        if failed is None:
            rate = rate * args.growth
        elif failed - low <= max(1.0, 0.1 * failed):
            break
        else:
            rate = (low + failed) / 2 if best else failed / 2
    return best


def route_table(step: Step, label: str, why: dict[str, dict[str, float]]) -> list[str]:
    server = step.server
    lines = []
    for name in MIX:
        values = step.latency[name]
        spent = why.get(name, {})
        lines.append(
            f"{label}{name:>14}{len(values):>6}{sum(step.errors[name].values()):>5}"
            f"{percentile(values, 0.5):>8.0f}{percentile(values, 0.95):>8.0f}"
            f"{percentile(values, 0.99):>8.0f}{len(values) / step.wall:>7.1f}"
            f"{percentile(server.get(name, []), 0.5):>8.0f}"
            f"{percentile(server.get(name, []), 0.95):>8.0f}"
            f"{spent.get('queries', float('nan')):>6.0f}{spent.get('db_ms', float('nan')):>7.1f}"
        )
    every = step.every()
    lines.append(
        f"{label}{'ALL':>14}{len(every):>6}{step.error_count():>5}"
        f"{percentile(every, 0.5):>8.0f}{percentile(every, 0.95):>8.0f}"
        f"{percentile(every, 0.99):>8.0f}{len(every) / step.wall:>7.1f}"
        f"{percentile([t for v in server.values() for t in v], 0.5):>8.0f}"
        f"{percentile([t for v in server.values() for t in v], 0.95):>8.0f}"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--cache", choices=["on", "off"], nargs="+", default=["on", "off"])
    parser.add_argument("--rate-start", type=float, default=20, help="first R (requests/s)")
    parser.add_argument("--growth", type=float, default=1.5, help="R grows by this factor")
    parser.add_argument("--step-seconds", type=float, default=10, help="length of one step")
    parser.add_argument("--max-steps", type=int, default=7, help="steps per search")
    parser.add_argument("--p95-ms", type=float, default=200, help="the goal")
    parser.add_argument("--poisson", action="store_true", help="Poisson arrivals, not even")
    parser.add_argument(
        "--budget", type=float, default=420, help="seconds of searching, all searches"
    )
    parser.add_argument("--profile", action="store_true", help="pyinstrument, see the top")
    parser.add_argument("--static-root", type=Path, default=ROOT / "var" / "bench-static")
    parser.add_argument("--output", type=Path, default=ROOT / "bench/results/load_profile.txt")
    parser.add_argument("--explain-json", choices=["on", "off"], help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.explain_json:
        explain_here(args.profile_to)
        return
    begun = time.monotonic()
    searching = 0.0  # seconds spent in searches so far
    searches_left = len(args.cache) * len(args.users)
    os.environ["STATIC_ROOT"] = str(args.static_root)
    if not (args.static_root / "staticfiles.json").exists():  # collected once (minutes)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT, check=True, env=dict(os.environ, **BENCH_ENV),
        )  # fmt: skip
    paths = sample_paths()
    order = schedule(paths)
    lines: list[str] = []

    def say(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    say(
        f"Load profile (open loop), {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; gunicorn 2 workers "
        f"x 4 threads on {HOST}; goal p95 <= {args.p95_ms:.0f} ms, no errors; steps of "
        f"{args.step_seconds:.0f} s, {'Poisson' if args.poisson else 'evenly spaced'} arrivals."
    )
    summary = []
    for cache in args.cache:
        cache_on = cache == "on"
        port = free_port()
        with tempfile.TemporaryDirectory() as scratch:
            access_log = Path(scratch) / "access.log"
            server = start_server(port, cache_on, access_log)
            try:
                preflight(port, paths)
                profile = (
                    args.output.with_name(f"load_profile_pyinstrument_cache_{cache}.txt")
                    if args.profile
                    else None
                )
                why = explain(cache_on, profile)
                for users in args.users:
                    say(f"cache {cache}, {users} users: searching for the highest R")
                    searches_left -= 1
                    share = (args.budget - searching) / (searches_left + 1)
                    search_began = time.monotonic()
                    best = search(
                        port, order, users, args, time.monotonic() + share, say, access_log
                    )
                    searching += time.monotonic() - search_began
                    if best is None:
                        say("  no rate passed")
                        summary.append(f"cache {cache:<3} {users:>4} users: no rate passed")
                        continue
                    say(f"  highest passing R {best.rate:.1f}/s, per route:")
                    say(
                        f"{'cache':<6}{'users':>6}{'route':>14}{'n':>6}{'err':>5}{'p50':>8}"
                        f"{'p95':>8}{'p99':>8}{'rps':>7}{'srv p50':>8}{'srv p95':>8}"
                        f"{'qry':>6}{'db ms':>7}"
                    )
                    for line in route_table(best, f"{cache:<6}{users:>6}", why):
                        say(line)
                    summary.append(
                        f"cache {cache:<3} {users:>4} users: highest R passing {best.rate:.1f}/s"
                        f" (p95 {percentile(best.every(), 0.95):.0f} ms)"
                    )
            finally:
                server.terminate()
                server.wait(timeout=30)
    say("Summary:")
    for line in summary:
        say("  " + line)
    say(
        "Columns: latency ms from when each request was due (p50/p95/p99); rps answered per "
        "second; srv = gunicorn's own time (ms); qry, db ms = queries of one warm request and "
        "their time (in-process, the same settings)."
    )
    say(f"load average after: {os.getloadavg()[0]:.1f}; took {time.monotonic() - begun:.0f} s")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
