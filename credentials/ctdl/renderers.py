"""`Accept: application/ld+json` on an API detail: the record's CTDL document."""

from rest_framework.renderers import JSONRenderer


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
