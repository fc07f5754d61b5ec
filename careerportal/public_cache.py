"""Public catalog reads cached in Redis, invalidated as a whole when the catalog changes.

Every key carries the catalog's version number; any change to a model that public pages show
bumps the version, so old entries are never read again and expire on their own. Redis being
down only makes pages slower: django-redis ignores its errors (IGNORE_EXCEPTIONS) and every
read is computed afresh.
"""

import hashlib
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

VERSION_KEY = "public:catalog-version"
T = TypeVar("T")

# Models whose rows public pages do not show: changing them leaves the cache alone. Every other
# model counts as public (a translation, a standard's history, a task force list, hiring counts
# all show on public pages): a needless bump costs a cache miss, a missed one a stale page.
NOT_PUBLIC = {
    "alliance.AuditEntry",
    "alliance.Invitation",
    "alliance.Membership",
    "alliance.CertificationVote",
    "careerportal.PartnerKey",
    "credentials.Plan",
    "credentials.PlanItem",
    "hiringdata.IdempotencyKey",
    "hiringdata.Submission",
    "hiringdata.ValidationIssue",
}
# Accounts, sessions and the admin's log: written on sign-in and many requests, never shown.
NOT_PUBLIC_APPS = {"admin", "auth", "authtoken", "contenttypes", "sessions"}


def catalog_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new number after a Redis restart: entries written before it are never read.
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
    return int(version)


def catalog_changed(**_signal: Any) -> None:
    """Make every cached public read stale."""
    try:
        bumped = cache.incr(VERSION_KEY)
    except ValueError:  # no version yet
        bumped = None
    if bumped is None:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def model_changed(sender: Any, **_signal: Any) -> None:
    """post_save / post_delete receiver: bump the version for models public pages show."""
    meta = getattr(sender, "_meta", None)
    if meta and meta.app_label not in NOT_PUBLIC_APPS and meta.label not in NOT_PUBLIC:
        catalog_changed()
        if transaction.get_connection().in_atomic_block:
            # Again at commit: a page read between the change and its commit computed the old
            # rows under the new version and would serve them until they expire.
            transaction.on_commit(catalog_changed)


def public_cached(name: str, *parts: object, compute: Callable[[], T]) -> T:
    """compute() once per catalog version, language and arguments; None is not cached.

    Only public, shared values belong here: nothing of one person (session, plan, compare
    list, CSRF token, messages, signed-in state) may be in parts' result or decide it.
    """
    digest = hashlib.sha256(repr((get_language(), parts)).encode()).hexdigest()[:24]
    key = f"public:{catalog_version()}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, timeout=settings.PUBLIC_CACHE_SECONDS)
    return value


def public_fragment(
    name: str, *parts: object, request: HttpRequest, render: Callable[[], str]
) -> SafeString:
    """A rendered piece of a public page (HTML with no per-person part), cached as
    public_cached is. What rendering it marks on the request (that it shows text we
    translated, so the page says so once) is kept with it and marked again on a hit."""
    from careerportal.translations.presentation import SHOWN_TRANSLATED

    def compute() -> tuple[str, bool]:
        before = getattr(request, SHOWN_TRANSLATED, False)
        setattr(request, SHOWN_TRANSLATED, False)
        html = str(render())
        shown = getattr(request, SHOWN_TRANSLATED, False)
        setattr(request, SHOWN_TRANSLATED, before or shown)
        return html, shown

    html, shown = public_cached(name, *parts, compute=compute)
    if shown:
        setattr(request, SHOWN_TRANSLATED, True)
    return mark_safe(html)  # noqa: S308 (our own rendering, stored in our own cache)


def public_params(query: QueryDict, known: Iterable[str]) -> QueryDict:
    """The query's known parameters only, in name order (unknown ones dropped).

    Views compute from this and key their cache on its urlencode(), so the key and what is
    computed cannot differ, and a tracking parameter or a reordered query share one entry.
    """
    kept = QueryDict(mutable=True)
    for name in sorted(set(known) & set(query)):
        kept.setlist(name, query.getlist(name))
    return kept
