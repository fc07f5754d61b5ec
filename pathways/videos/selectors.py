"""Reads for videos."""

from pathways.models import Occupation

from .models import Video


def occupation_video(*, occupation: Occupation, language: str) -> Video | None:
    """The video for a career page: in the page's language when there is one."""
    return Video.objects.filter(occupation=occupation).for_language(language).first()
