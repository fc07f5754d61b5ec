"""Content-Security-Policy and Permissions-Policy on every response."""

import functools
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# No inline script anywhere: every script is a static file (static/js/), so 'self' is enough
# and no nonce is needed. Style attributes are allowed (bar widths); <style> elements are not.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "style-src-attr": "'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(self), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()"
)


def content_security_policy(*, frameable: bool = False, extra: dict[str, str] | None = None) -> str:
    """The policy header value; a frameable page (an embed) leaves out frame-ancestors."""
    directives = CONTENT_SECURITY_POLICY | dict(getattr(settings, "CSP_EXTRA", {})) | (extra or {})
    if frameable:
        directives.pop("frame-ancestors")
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def csp_update(**directives: str) -> Callable:  # type: ignore[type-arg]
    """Widen the policy for one view, e.g. style_src="'self' 'unsafe-inline'" for API docs."""
    extra = {name.replace("_", "-"): value for name, value in directives.items()}

    def decorate(view: Callable) -> Callable:  # type: ignore[type-arg]
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            response = view(request, *args, **kwargs)
            response.csp_extra = extra  # type: ignore[attr-defined]
            return response

        return wrapped

    return decorate


class SecurityHeadersMiddleware:
    """Add the two policies unless the view set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = content_security_policy(
                # The same mark Django's X-Frame-Options middleware honours, so embeds can be
                # framed by both headers' rules.
                frameable=getattr(response, "xframe_options_exempt", False),
                extra=getattr(response, "csp_extra", None),
            )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
