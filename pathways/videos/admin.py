"""Staff attach a video (file or address) with captions, transcript, source and licence."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Video


class VideoForm(forms.ModelForm):
    language = forms.ChoiceField(choices=settings.LANGUAGES)

    class Meta:
        model = Video
        fields = [
            "title", "language", "occupation", "file", "url", "captions", "transcript",
            "source_name", "source_url", "licence", "licence_url",
        ]  # fmt: skip


@admin.register(Video)
class VideoAdmin(admin.ModelAdmin):
    form = VideoForm
    list_display = ["title", "language", "occupation", "licence", "source_name", "updated_at"]
    list_filter = ["language", "licence"]
    search_fields = ["title", "source_name", "occupation__soc_code"]
    raw_id_fields = ["occupation"]
    fieldsets = [
        (None, {"fields": ["title", "language", "occupation"]}),
        (_("Video"), {"fields": ["file", "url", "captions", "transcript"]}),
        (
            _("Source and licence"),
            {"fields": ["source_name", "source_url", "licence", "licence_url"]},
        ),
    ]
