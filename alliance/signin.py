"""Rate-limit failed sign-ins and password resets, with counters in PostgreSQL.

Django's LoginView is mounted as is at /accounts/; the limit sits in an authentication backend
(refusing while locked) and the user_login_failed signal (counting), so every sign-in form,
the admin's too, is covered without replacing the view.

Failures are counted three ways in one window: per account and address (a person mistyping),
per account across addresses (a distributed guess at one password) and per address across
accounts (one machine trying many user names). Any count at its limit refuses the sign-in.

The counters live in the primary database (LimitCounter), not in Redis: with the cache down the
limits still hold, and every web process sees the same counts.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db import connections
from django.db.models.functions import Now
from django.dispatch import receiver
from django.http import HttpRequest

from .models import LimitCounter


def _setting(name: str) -> int:
    return int(getattr(settings, name))


def client_ip(request: HttpRequest | None) -> str:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address
    the outermost of them saw (each proxy appends to X-Forwarded-For; what a client wrote
    there itself is further left and ignored). DRF's NUM_PROXIES follows the same setting."""
    if request is None:
        return "-"
    remote = str(request.META.get("REMOTE_ADDR", "-"))
    proxies = _setting("TRUSTED_PROXY_COUNT")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-min(proxies, len(hops))] if hops else remote


def _key(kind: str, *parts: str) -> str:
    text = "|".join(part.strip().lower() for part in parts)
    return f"alliance:{kind}:{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def _signin_keys(username: str, ip: str) -> list[tuple[str, int]]:
    """Each failure counter for this attempt, with its limit."""
    return [
        (_key("signin-failures", username, ip), _setting("ALLIANCE_SIGNIN_MAX_FAILURES")),
        (
            _key("signin-failures-account", username),
            _setting("ALLIANCE_SIGNIN_MAX_FAILURES_PER_ACCOUNT"),
        ),
        (
            _key("signin-failures-address", ip),
            _setting("ALLIANCE_SIGNIN_MAX_FAILURES_PER_ADDRESS"),
        ),
    ]


def _window() -> int:
    return _setting("ALLIANCE_SIGNIN_LOCK_SECONDS")


def _count(key: str, window: int) -> int:
    """Add one to a counter whose window starts at its first hit; one atomic statement."""
    table = LimitCounter._meta.db_table
    with connections["default"].cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (key, count, expires_at)
            VALUES (%(key)s, 1, now() + make_interval(secs => %(window)s))
            ON CONFLICT (key) DO UPDATE SET
                count = CASE WHEN {table}.expires_at <= now() THEN 1
                             ELSE {table}.count + 1 END,
                expires_at = CASE WHEN {table}.expires_at <= now() THEN EXCLUDED.expires_at
                                  ELSE {table}.expires_at END
            RETURNING count
            """,  # the table name is the model's, not input
            {"key": key, "window": window},
        )
        return int(cursor.fetchone()[0])


def _counts(keys: list[str]) -> dict[str, int]:
    # From the primary: a replica a few seconds behind would let a burst of guesses through.
    live = LimitCounter.objects.using("default").filter(key__in=keys, expires_at__gt=Now())
    return dict(live.values_list("key", "count"))


def limit_counters_forget_expired() -> int:
    """Delete counters whose window has ended; return how many."""
    deleted, _ = LimitCounter.objects.using("default").filter(expires_at__lte=Now()).delete()
    return deleted


def signin_is_locked(*, username: str, ip: str) -> bool:
    keys = _signin_keys(username, ip)
    counts = _counts([key for key, _limit in keys])
    return any(counts.get(key, 0) >= limit for key, limit in keys)


class RateLimitedModelBackend(ModelBackend):
    """The model backend, refusing while this attempt has too many recent failures."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is not None and signin_is_locked(username=username, ip=client_ip(request)):
            if request is not None:
                request.signin_locked = True  # type: ignore[attr-defined]
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed)
def _count_failure(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = credentials.get("username")
    if not username:
        return
    locked = False
    for key, limit in _signin_keys(str(username), client_ip(request)):
        locked = _count(key, _window()) >= limit or locked
    if request is not None and locked:
        request.signin_locked = True  # type: ignore[attr-defined]


@receiver(user_logged_in)
def _clear_failures(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # Only the person's own counters: a sign-in to one's own account must not reset the count
    # of an address that is guessing at others.
    username, ip = user.get_username(), client_ip(request)
    keys = [key for key, _limit in _signin_keys(username, ip)[:2]]
    LimitCounter.objects.using("default").filter(key__in=keys).delete()


def password_reset_allowed(*, email: str, request: HttpRequest) -> tuple[bool, bool]:
    """Count one reset request; (address within its limit, e-mail address within its limit)."""
    window = _setting("ALLIANCE_PASSWORD_RESET_WINDOW_SECONDS")
    by_address = _count(_key("reset-address", client_ip(request)), window)
    by_email = _count(_key("reset-email", email), window)
    return (
        by_address <= _setting("ALLIANCE_PASSWORD_RESET_MAX_PER_ADDRESS"),
        by_email <= _setting("ALLIANCE_PASSWORD_RESET_MAX_PER_ACCOUNT"),
    )
