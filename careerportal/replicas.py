"""Reads on read replicas, writes on the primary, and a signed-in writer reads their own writes.

DATABASE_REPLICA_URLS lists the replicas (aliases replica_1, replica_2, ...). A read goes to a
healthy replica unless this request wrote, is not a GET/HEAD, or comes from a person who wrote
within DATABASE_READ_YOUR_WRITES_SECONDS (a cookie says until when). A replica that cannot be
reached, or whose replay is more than DATABASE_REPLICA_MAX_LAG_SECONDS behind, is skipped; its
health is checked at most every few seconds per process.
"""

import contextvars
import random
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

PIN_COOKIE = "primary_until"
_pinned: contextvars.ContextVar[bool] = contextvars.ContextVar("read_primary", default=False)
# alias -> (checked at, healthy)
_health: dict[str, tuple[float, bool]] = {}
HEALTH_TTL_SECONDS = 5.0

# How far behind the primary a replica's replay is, in seconds (0 when it has replayed all it
# received: an idle primary sends nothing, and that is not lag).
LAG_SQL = (
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0 "
    "WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END"
)


def replica_aliases() -> list[str]:
    return [alias for alias in connections.settings if alias.startswith("replica_")]


def replica_is_healthy(alias: str, *, now: float | None = None) -> bool:
    now = time.monotonic() if now is None else now
    checked = _health.get(alias)
    if checked and now - checked[0] < HEALTH_TTL_SECONDS:
        return checked[1]
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(LAG_SQL)
            lag = float(cursor.fetchone()[0])
        healthy = lag <= float(settings.DATABASE_REPLICA_MAX_LAG_SECONDS)
    except DatabaseError:
        connections[alias].close()
        healthy = False
    _health[alias] = (now, healthy)
    return healthy


def forget_replica_health() -> None:
    _health.clear()


class ReplicaRouter:
    """Route reads to a healthy replica, everything else to the primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        if _pinned.get():
            return "default"
        healthy = [alias for alias in replica_aliases() if replica_is_healthy(alias)]
        return random.choice(healthy) if healthy else "default"  # noqa: S311 (load spreading)

    def db_for_write(self, model: Any, **hints: Any) -> str:
        _pinned.set(True)  # the rest of this request reads what it wrote
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # replicas hold the same rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


class ReadYourWritesMiddleware:
    """Pin reads to the primary for writes, and for a while after a signed-in person wrote."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        until = _float(request.COOKIES.get(PIN_COOKIE))
        writing = request.method not in ("GET", "HEAD", "OPTIONS")
        token = _pinned.set(writing or until > time.time())
        try:
            response = self.get_response(request)
            wrote = _pinned.get() and not (until > time.time())
        finally:
            _pinned.reset(token)
        user = getattr(request, "user", None)
        if (writing or wrote) and user is not None and user.is_authenticated:
            seconds = settings.DATABASE_READ_YOUR_WRITES_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                str(time.time() + seconds),
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response


def _float(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0
