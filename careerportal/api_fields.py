"""Serializer fields every app's API writes with: text is text.

DRF's CharField reads a JSON number or boolean as text (`"title": 2.3e16` becomes "2.3e+16"), so
a request the schema calls invalid would be accepted. These refuse it with a 400.

DRF also trims surrounding whitespace before checking `max_length`, so a text longer than the
schema's maxLength was accepted when its extra characters were spaces or line ends: the length
is checked as sent, before the trim.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.fields import empty


class StrictCharField(serializers.CharField):
    default_error_messages = {"not_text": _("Give text (a JSON string).")}

    def run_validation(self, data: Any = empty) -> Any:
        if isinstance(data, str) and self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().run_validation(data)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_text")
        return super().to_internal_value(data)


class StrictTextModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose text columns take JSON strings only."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
    }
