"""Fixtures shared by the whole suite: a headless Chromium, the axe-core check, and a broker or
Redis at a closed port (the fault tests)."""

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run in a
# thread with a running loop unless told this is deliberate (the live server has its own thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright (skipped only outside CI when missing)."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs it")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    """A fresh phone-sized page (360 x 740) pointed at the live server."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


def assert_no_serious_axe_violations(page) -> None:  # type: ignore[no-untyped-def]
    """Run axe-core on the page and fail on any serious or critical violation, listing them."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in SERIOUS]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in serious
    )
    assert not serious, f"axe found serious/critical violations on {page.url}:\n{report}"


@pytest.fixture
def axe_check():  # type: ignore[no-untyped-def]
    return assert_no_serious_axe_violations


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    """Requests activate a language in the test thread; start and end every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _empty_caches() -> Iterator[None]:
    """Start each test with empty caches: the in-memory cache outlives a test's rolled-back data."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    from careerportal.api_access import throttle_counts
    from careerportal.public_cache import catalog_changed

    for cache in caches.all():
        if isinstance(cache, LocMemCache):  # never FLUSHDB a Redis that a broker may share
            cache.clear()
    throttle_counts.memory.clear()  # the API throttles' counts kept while Redis is down
    throttle_counts.failed_at = None  # and Redis tried again at once
    # On Redis: public reads cached by an earlier test (its rows rolled back since) are stale.
    catalog_changed()
    yield


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def forget_celery_connections(app) -> None:  # type: ignore[no-untyped-def]
    """Drop the result backend and producer pool Celery cached under the previous settings."""
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_down(request, settings) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Celery publishes to a broker at a closed port: Redis, or RabbitMQ when parametrized
    "amqp"."""
    from careerportal.celery import app

    scheme = getattr(request, "param", "redis")
    port = closed_port()
    url = f"redis://127.0.0.1:{port}/0" if scheme == "redis" else f"amqp://127.0.0.1:{port}//"
    saved = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=url, result_backend=None, task_always_eager=False)
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = url, False
    forget_celery_connections(app)
    yield url
    app.conf.update(saved)
    forget_celery_connections(app)


@pytest.fixture
def redis_down(settings, broker_down) -> str:  # type: ignore[no-untyped-def]
    """The cache (the production django-redis settings) and the broker on a dead Redis."""
    from careerportal.settings import redis_cache

    settings.CACHES = {"default": redis_cache(broker_down)}
    return str(broker_down)


@pytest.fixture
def broker_back(settings):  # type: ignore[no-untyped-def]
    """Call to bring the broker back (tasks then run eagerly, as an idle worker would)."""
    from careerportal.celery import app

    def back() -> None:
        app.conf.update(task_always_eager=True)
        settings.CELERY_TASK_ALWAYS_EAGER = True

    return back


@pytest.fixture
def full_storage(settings, tmp_path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """The private storage on a 64 KB tmpfs (root may mount one; otherwise skipped)."""
    mount = tmp_path / "private"
    mount.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a tmpfs: {done.stderr}")
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(mount), "base_url": None},
        },
    }
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


@pytest.fixture
def wsgi_app():  # type: ignore[no-untyped-def]
    """The WSGI app for schemathesis, without its end-of-request connection close (the test's
    transaction stays) and asking for uncompressed bodies: schemathesis reads the raw WSGI body
    and does not undo gzip (compression is tested in tests/careerportal/test_headers.py)."""
    from django.core import signals
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    app = get_wsgi_application()

    def identity(environ, start_response):  # type: ignore[no-untyped-def]
        environ["HTTP_ACCEPT_ENCODING"] = "identity"
        return app(environ, start_response)

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield identity
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
