"""A short video with required WebVTT captions, a transcript, and its source and licence."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from pathways.models import Occupation

from .webvtt import WebVTTError, webvtt_check

__all__ = ["Video", "VideoLicence", "VideoQuerySet", "captions_validate"]


def captions_validate(value: Any) -> None:
    """The captions file must be WebVTT; the message names the line that is wrong."""
    value.open("rb")
    try:
        value.seek(0)
        data = value.read()
    finally:
        value.seek(0)
    try:
        webvtt_check(data)
    except WebVTTError as error:
        raise ValidationError(
            _("The captions file is not valid WebVTT. %(problem)s"),
            code="webvtt",
            params={"problem": str(error)},
        ) from None


def _https_only(value: str) -> None:
    if value and urlsplit(value).scheme != "https":
        raise ValidationError(_("Give an https:// address."), code="https")


class VideoLicence(models.TextChoices):
    PUBLIC_DOMAIN_US = "public_domain_us", _("Public domain: a work of the U.S. government")
    CC0 = "cc0", _("CC0: no rights reserved")
    CC_BY = "cc_by", _("Creative Commons Attribution (CC BY)")
    CC_BY_SA = "cc_by_sa", _("Creative Commons Attribution-ShareAlike (CC BY-SA)")
    PERMISSION = "permission", _("Used with the owner's written permission")


class VideoQuerySet(models.QuerySet["Video"]):
    def for_language(self, language: str) -> "VideoQuerySet":
        """The page's language first, then the others (newest first within each)."""
        return self.order_by(
            models.Case(models.When(language=language, then=0), default=1), "-updated_at"
        )


class Video(models.Model):
    """One short video: a file kept here or an https address, always with captions."""

    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"),
        max_length=10,
        default="en",
        help_text=_("The language spoken in the video, its captions and its transcript."),
    )
    file = models.FileField(
        _("video file"),
        upload_to="videos/",
        blank=True,
        validators=[FileExtensionValidator(["mp4", "webm"])],
        help_text=_("An MP4 or WebM file; or give its address below instead."),
    )
    url = models.URLField(
        _("video address"),
        max_length=500,
        blank=True,
        validators=[_https_only],
        help_text=_("The https:// address of the video file itself (not of a page)."),
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="videos/captions/",
        validators=[FileExtensionValidator(["vtt"]), captions_validate],
        help_text=_("Required: a .vtt file with what is said, timed to the video."),
    )
    transcript = models.TextField(
        _("transcript"), help_text=_("Everything said and shown, as text, for the page.")
    )
    source_name = models.CharField(_("who made it"), max_length=200)
    source_url = models.URLField(_("where it was published"), max_length=500)
    licence = models.CharField(_("licence"), max_length=20, choices=VideoLicence.choices)
    licence_url = models.URLField(
        _("where the licence is stated"),
        max_length=500,
        help_text=_("The page that gives the licence or the permission, so anyone can check."),
    )
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="videos",
        help_text=_("Show it on this career's page (credentials choose their video themselves)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VideoQuerySet.as_manager()

    class Meta:
        db_table = "pathways_video"
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    (models.Q(file="") & ~models.Q(url=""))
                    | (~models.Q(file="") & models.Q(url=""))
                ),
                name="video_file_or_url",
                violation_error_message=_("Give the video as a file or as an address, not both."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": _("Choose one of the site's languages.")})

    @property
    def src(self) -> str:
        return self.file.url if self.file else self.url

    @property
    def media_origin(self) -> str:
        """The origin a page must allow media from (empty for a file kept here)."""
        if self.file or not self.url:
            return ""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"
