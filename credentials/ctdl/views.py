"""CTDL JSON-LD documents: /credentials/<slug>.jsonld and /providers/<slug>.jsonld."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from ..models import Provider
from . import export

CONTENT_TYPE = "application/ld+json"


def jsonld_response(payload: dict[str, object]) -> HttpResponse:
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type=f"{CONTENT_TYPE}; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def credential_jsonld(request: HttpRequest, slug: str) -> HttpResponse:
    """One published credential as CTDL JSON-LD."""
    credential = export.credentials_for_export().filter(slug=slug).first()
    if credential is None:
        raise Http404
    return jsonld_response(export.credential_document(credential))


@require_GET
def provider_jsonld(request: HttpRequest, slug: str) -> HttpResponse:
    """One organization (provider or issuer) as CTDL JSON-LD, with what it owns and offers."""
    provider = get_object_or_404(Provider.objects.select_related("ctdl_record"), slug=slug)
    return jsonld_response(export.provider_document(provider))


@require_GET
def program_jsonld(request: HttpRequest, pk: int) -> HttpResponse:
    """One training program as a CTDL LearningOpportunityProfile."""
    program = export.programs_for_export().filter(pk=pk).first()
    if program is None:
        raise Http404
    return jsonld_response(export.program_document(program))
