"""The installable phone app: the web app manifest, the service worker and the offline page.

The service worker (static/js/service-worker.js, plain JavaScript) is served from /sw.js so its
scope covers the whole site, with a first line of configuration written here: the hashed URLs of
the shell to precache, the offline page of each language and the paths it must never store.
What it stores and what it never stores is in docs/phone-app.md.
"""

import functools
import hashlib
import json
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import app_icon

THEME_COLOUR = app_icon.THEME  # the icon's background; base.html's theme-color meta too
BACKGROUND_COLOUR = "#ffffff"
# Paths (after any language prefix) whose pages hold someone's own data or staff tools: the
# service worker passes them to the network and never stores them. The server also marks every
# page shown to a signed-in person, and every response that sets the session cookie, no-store.
PRIVATE_PATHS = (
    "/api/",
    "/admin/",
    "/accounts/",
    "/portal/",
    "/providers/portal/",
    "/staff/",
    "/alliance/manage/",
    "/alliance/task-force/",
    "/alliance/audit/",
    "/transparency/staff/",
    "/i18n/",
)
# Files every page needs: stored when the worker installs, so a saved page opens looking right.
SHELL = (
    "vendor/uswds-3.14.0/css/uswds.min.css",
    "css/portal.css",
    "css/print.css",
    "js/early.js",
    "js/phone-app.js",
    "vendor/uswds-3.14.0/fonts/source-sans-pro/sourcesanspro-regular-webfont.woff2",
    "vendor/uswds-3.14.0/fonts/source-sans-pro/sourcesanspro-bold-webfont.woff2",
    "vendor/uswds-3.14.0/js/uswds.min.js",
    "vendor/htmx-2.0.11/htmx.min.js",
    "js/portal.js",
    "js/read-aloud.js",
    "vendor/uswds-3.14.0/img/usa-icons/close.svg",
    "img/volume_up.svg",
    "img/app/icon-192.png",
)
ICONS = (
    ("img/app/icon-192.png", "192x192", "any"),
    ("img/app/icon-512.png", "512x512", "any"),
    ("img/app/icon-maskable-192.png", "192x192", "maskable"),
    ("img/app/icon-maskable-512.png", "512x512", "maskable"),
)


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest in the page's language: its name, and a start page in that language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    data = {
        # One app whatever language it was installed in; the start page follows the language.
        "id": "/",
        "name": _("Transparent Tech Training"),
        "short_name": _("Tech Training"),
        "description": _(
            "Find tech training that employers trust: cost, time, outcomes and wages, side by side."
        ),
        "lang": language,
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": reverse("home"),  # / or /es/
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": THEME_COLOUR,
        "categories": ["education", "business"],
        "icons": [
            {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for path, sizes, purpose in ICONS
        ],
    }
    response = JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _worker_script() -> str:
    """The worker's source after a first line of configuration, with a version naming both."""
    path = finders.find("js/service-worker.js")
    if not path:
        raise FileNotFoundError("static/js/service-worker.js")
    with open(str(path), encoding="utf-8") as file:
        source = file.read()
    offline_pages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            offline_pages[code] = reverse("offline")
    config: dict[str, Any] = {
        "static": settings.STATIC_URL,
        # Hashed names never change, so they are served from the store first; unhashed ones
        # (DEBUG) are asked of the network first, so an edited file shows.
        "staticImmutable": isinstance(staticfiles_storage, ManifestFilesMixin),
        "shell": [static(path) for path in SHELL],
        "offline": offline_pages,
        "defaultLanguage": settings.LANGUAGE_CODE,
        "private": list(PRIVATE_PATHS),
    }
    # A deploy that changes the worker, a shell file or a page's address makes a new version:
    # the new worker installs beside the old one and removes the old shell cache when it starts.
    digest = hashlib.sha256((json.dumps(config, sort_keys=True) + source).encode())
    config["version"] = digest.hexdigest()[:12]
    return f"const CONFIG = {json.dumps(config)};\n{source}"


_cached_worker_script = functools.cache(_worker_script)


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served at the site's root so that its scope is the whole site."""
    body = _worker_script() if settings.DEBUG else _cached_worker_script()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # The browser asks again on every visit; the worker itself decides what to keep.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    """What the app shows for a page it has not saved, when there is no network."""
    return render(request, "offline.html")


class PrivateResponsesMiddleware:
    """Mark no-store every page shown to a signed-in person and every response that sets the
    session cookie, so neither the service worker nor any other cache keeps them."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME in response.cookies or self._signed_in(request, response):
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def _signed_in(request: HttpRequest, response: HttpResponse) -> bool:
        # Only pages: every page has already asked who is signed in (the header's account
        # links), so this costs no query; other responses are not stored by the app.
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)
