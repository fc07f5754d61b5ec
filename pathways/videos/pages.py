"""What a page that shows a video needs from the response."""

from django.http import HttpResponse

from .models import Video


def video_media_allow(response: HttpResponse, video: Video | None) -> HttpResponse:
    """Let the page play a video kept at another https origin (the policy allows 'self' only)."""
    origin = video.media_origin if video is not None else ""
    if origin:
        extra = dict(getattr(response, "csp_extra", None) or {})
        extra["media-src"] = f"'self' {origin}"
        response.csp_extra = extra  # type: ignore[attr-defined]
    return response
