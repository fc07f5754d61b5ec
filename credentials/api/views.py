"""The catalog API: the same FilterSet and selectors as the pages."""

from django import forms
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from careerportal.api_errors import ErrorSerializer, error_response
from pathways.forms import FundingScreenerForm

from .. import selectors
from ..ctdl import export
from ..ctdl.renderers import JSONLDRenderer
from ..filters import RANKED_CANDIDATES, CredentialFilter
from ..funding import FUNDING_ASSUMPTIONS
from ..models import ComparisonIndex
from ..pagination import RESULT_COUNT_CAP, CappedPageNumberPagination
from .serializers import CompareSerializer, CredentialDetailSerializer, CredentialListSerializer

PAYBACK_ASSUMPTIONS = (
    "Months of extra pay needed to cover the highest published price. Extra pay = the lowest "
    "median annual wage among the linked occupations minus the median of all U.S. occupations "
    f"(${selectors.BASELINE_ANNUAL_WAGE_USD:,}, BLS OEWS {selectors.BASELINE_WAGE_VINTAGE}), "
    "before taxes, assuming a job in that occupation right after. Null when the price is not "
    "published or the wage gain is not positive."
)


def _answer_parameter(name: str, field: forms.Field) -> OpenApiParameter:
    """One screener question as a query parameter, with the form's own choices or range."""
    if isinstance(field, forms.ChoiceField):
        choices = [str(value) for value, _label in field.choices if value != ""]  # type: ignore[union-attr, misc]
        return OpenApiParameter(name, OpenApiTypes.STR, enum=choices, description=str(field.label))
    if isinstance(field, forms.RegexField):
        return OpenApiParameter(
            name, OpenApiTypes.STR, pattern=field.regex.pattern, description=str(field.label)
        )
    return OpenApiParameter(
        name,
        OpenApiTypes.INT,
        description=f"{field.label} ({field.min_value}-{field.max_value})",  # type: ignore[attr-defined]
    )


ANSWER_PARAMETERS = [
    _answer_parameter(name, field) for name, field in FundingScreenerForm.base_fields.items()
]

COMPARE_DESCRIPTION = (
    "Compare 2 to 4 credentials: the rows of the compare page, best values named, and what may "
    "pay for each. The funding screener's answers are optional; give all of them or none (the "
    "same questions and checks as the /funding/ and compare pages). Without answers each "
    "program is screened on its own facts. Bad answers are a 400 with code "
    "`bad_screener_answers` naming each question."
)


LIST_DESCRIPTION = (
    "Search and filter published credentials (the same parameters as the /credentials/ page). "
    f"`count` is exact up to {RESULT_COUNT_CAP:,}; above that it stays at {RESULT_COUNT_CAP:,} "
    "and only the first pages of that many results are served, so narrow the search with "
    "filters, or read every match with a cursor walk (`cursor`). With `q`, `relevance` is the "
    "text-match score. Sorted by best match "
    f"(`sort=relevance`, the default with `q`), a search with more than {RESULT_COUNT_CAP:,} "
    f"matches ranks only its {RANKED_CANDIDATES:,} best-documented matches (Alliance-certified, "
    "then recognized by employers, then with outcomes reported, then with a published price; "
    "then by name): those are the results, in order of relevance. Other sorts cover every match. "
    "When no credential has all the words of `q`, those with any of them are returned; when none "
    "has any, names that look alike (for typos)."
)


@extend_schema_view(list=extend_schema(description=LIST_DESCRIPTION))
class CredentialViewSet(viewsets.ReadOnlyModelViewSet):
    """Published credentials: search and filter (list) and one credential with its sources."""

    queryset = ComparisonIndex.objects.all()
    filterset_class = CredentialFilter
    lookup_field = "slug"
    pagination_class = CappedPageNumberPagination

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.credential_index_rows()

    def get_serializer_class(self):  # type: ignore[no-untyped-def]
        return CredentialDetailSerializer if self.action == "retrieve" else CredentialListSerializer

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()
        if self.action == "retrieve":
            renderers.append(JSONLDRenderer())
        return renderers

    @extend_schema(
        responses={
            (200, "application/json"): CredentialDetailSerializer,
            (200, "application/ld+json"): OpenApiTypes.OBJECT,
        },
        description="One published credential with its sources. With `Accept: "
        "application/ld+json`, its CTDL JSON-LD document (as /credentials/<slug>.jsonld).",
    )
    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        if request.accepted_renderer.format == JSONLDRenderer.format:
            credential = export.credentials_for_export().filter(slug=str(kwargs["slug"])).first()
            if credential is None:
                raise Http404
            return Response(export.credential_document(credential))
        detail = selectors.credential_detail(slug=str(kwargs["slug"]))
        if detail is None:
            raise Http404
        response = Response(
            CredentialDetailSerializer(detail.credential, context={"request": request}).data
        )
        response.last_modified = detail.credential.updated_at  # type: ignore[attr-defined]
        return response

    @extend_schema(
        description=COMPARE_DESCRIPTION,
        parameters=[
            OpenApiParameter(
                "ids",
                OpenApiTypes.STR,
                required=True,
                description="2 to 4 credential slugs, separated by commas",
            ),
            *ANSWER_PARAMETERS,
        ],
        filters=False,
        responses={200: CompareSerializer, 400: ErrorSerializer},
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def compare(self, request: Request) -> Response:
        """Compare 2 to 4 credentials: the rows of the compare page, best values named."""
        form = FundingScreenerForm.from_query(request.query_params)
        if form.is_bound and not form.is_valid():
            problems = "; ".join(
                f"{name}: {' '.join(str(m) for m in messages)}"
                for name, messages in form.errors.items()
            )
            return error_response(code="bad_screener_answers", detail=problems, status=400)
        answers = form.answers() if form.is_bound else {}
        try:
            slugs = selectors.compare_slugs_parse(raw=request.query_params.get("ids"))
            columns = selectors.credential_compare(slugs=slugs, answers=answers)
        except selectors.CompareError as error:
            return error_response(code="bad_compare_ids", detail=str(error), status=400)
        payload = {
            "columns": [
                {
                    "row": c.row,
                    "payback_months": c.payback_months,
                    "best": sorted(c.best),
                    "funding": c.funding,
                }
                for c in columns
            ],
            "payback_assumptions": PAYBACK_ASSUMPTIONS,
            "screened_with_answers": form.is_bound,
            "funding_assumptions": str(FUNDING_ASSUMPTIONS),
        }
        return Response(CompareSerializer(payload, context={"request": request}).data)
