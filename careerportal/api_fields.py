"""Serializer fields every app's API writes with: text is text.

DRF's CharField reads a JSON number or boolean as text (`"title": 2.3e16` becomes "2.3e+16"), so
a request the schema calls invalid would be accepted. These refuse it with a 400.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    default_error_messages = {"not_text": _("Give text (a JSON string).")}

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
