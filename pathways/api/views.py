from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from careerportal.pagination import CursorOrPagePagination

from .. import extensions, screener
from ..filters import FundingSourceFilter, OccupationFilter, PathwayFilter
from ..models import OCCUPATION_CODE_PATTERN, FundingSource, Occupation, Pathway, PathwayStep
from .serializers import (
    FundingMatchSerializer,
    FundingSourceSerializer,
    OccupationSerializer,
    PathwaySerializer,
    ScreenerQuerySerializer,
)


class OccupationViewSet(viewsets.ReadOnlyModelViewSet):
    """Tech occupations (SOC 2018) with each figure's source, vintage and confidence."""

    queryset = Occupation.objects.all()
    serializer_class = OccupationSerializer
    filterset_class = OccupationFilter
    lookup_field = "soc_code"
    lookup_value_regex = OCCUPATION_CODE_PATTERN
    pagination_class = CursorOrPagePagination


class PathwayViewSet(viewsets.ReadOnlyModelViewSet):
    """Pathways to an occupation from a starting education level, with ordered steps."""

    serializer_class = PathwaySerializer
    filterset_class = PathwayFilter

    def get_queryset(self) -> QuerySet[Pathway]:
        return Pathway.objects.select_related("occupation").prefetch_related(
            Prefetch("steps", queryset=PathwayStep.objects.select_related("job_occupation"))
        )

    def get_serializer(self, *args: Any, **kwargs: Any) -> PathwaySerializer:
        """Ask the catalog once for the credentials of every step being shown."""
        if args:
            pathways = args[0] if kwargs.get("many") else [args[0]]
            steps = [s for p in pathways for s in p.steps.all() if s.wants_credentials]
            kwargs["context"] = {
                **self.get_serializer_context(),
                "step_credentials": extensions.step_credentials(steps=steps),
            }
        return super().get_serializer(*args, **kwargs)  # type: ignore[return-value]


class FundingSourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Ways to pay for training, with structured eligibility and program rules."""

    queryset = FundingSource.objects.prefetch_related("apply_steps", "facts")
    serializer_class = FundingSourceSerializer
    filterset_class = FundingSourceFilter
    lookup_field = "slug"

    @extend_schema(
        parameters=[ScreenerQuerySerializer],
        responses=FundingMatchSerializer(many=True),
        description="Which funding sources may apply to a person (and a program), and why.",
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def screen(self, request: Request) -> Response:
        query = ScreenerQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = dict(query.validated_data)
        program_keys = ScreenerQuerySerializer.PROGRAM_FIELDS
        program = {k: data.pop(k) for k in program_keys if k in data}
        credential = data.pop("credential", None)
        if credential is not None:
            program = credential.program
        has_program = any(v is not None for v in program.values())
        matches = screener.funding_sources_screen(
            answers=data, program=program if has_program else None
        )
        return Response(FundingMatchSerializer(matches, many=True).data)
