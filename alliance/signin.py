"""Rate-limit failed sign-ins per username and IP address, in the cache.

Django's LoginView is mounted as is at /accounts/; the limit sits in an authentication backend
(refusing while locked) and the user_login_failed signal (counting), so every sign-in form,
the admin's too, is covered without replacing the view.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest


def _limit() -> int:
    return int(settings.ALLIANCE_SIGNIN_MAX_FAILURES)


def _window() -> int:
    return int(settings.ALLIANCE_SIGNIN_LOCK_SECONDS)


def client_ip(request: HttpRequest | None) -> str:
    if request is None:
        return "-"
    return str(request.META.get("REMOTE_ADDR", "-"))


def _key(username: str, ip: str) -> str:
    digest = hashlib.sha256(f"{username.strip().lower()}|{ip}".encode()).hexdigest()[:32]
    return f"alliance:signin-failures:{digest}"


def signin_failures(*, username: str, ip: str) -> int:
    return int(cache.get(_key(username, ip), 0))


def signin_is_locked(*, username: str, ip: str) -> bool:
    return signin_failures(username=username, ip=ip) >= _limit()


class RateLimitedModelBackend(ModelBackend):
    """The model backend, refusing while this username+IP has too many recent failures."""

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
    key = _key(str(username), client_ip(request))
    # add() then incr() so the window starts at the first failure and is not pushed back.
    cache.add(key, 0, timeout=_window())
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=_window())
        count = 1
    if request is not None and count >= _limit():
        request.signin_locked = True  # type: ignore[attr-defined]


@receiver(user_logged_in)
def _clear_failures(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    cache.delete(_key(user.get_username(), client_ip(request)))
