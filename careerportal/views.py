"""Pages that belong to the site as a whole: the start page and the error pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from .api_errors import api_not_found


def home(request: HttpRequest) -> HttpResponse:
    """Ask each kind of visitor what they came to do."""
    return render(request, "home.html")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Render the 404 page inside the site's layout, with the language switcher."""
    # Only our own messages ("No occupation with SOC code 15-9999") are shown; Django's resolver
    # passes a dict of tried patterns, which is not for visitors.
    if request.path.startswith("/api/"):
        return api_not_found(request)
    args = getattr(exception, "args", ())
    detail = args[0] if args and isinstance(args[0], str) else ""
    return render(request, "404.html", {"detail": detail}, status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Render a self-contained 500 page that needs no database."""
    return HttpResponse(loader.get_template("500.html").render({}, request), status=500)
