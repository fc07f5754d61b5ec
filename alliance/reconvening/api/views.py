"""Public reads of the reconvening under /api/v1/alliance/ (writes stay on the pages).

Everything served is already on a public page: withdrawn spotlights and closed needs are not.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from alliance.models import Convening

from .. import selectors
from ..awards import AwardResult, award_results
from ..filters import (
    AccessPlanFilter,
    NeedFilter,
    RecommitmentFilter,
    SpotlightFilter,
    StandardVersionFilter,
)
from ..models import AwardDecision, Spotlight, StandardVersion
from .serializers import (
    AccessPlanSerializer,
    AwardSerializer,
    ConveningSerializer,
    NeedSerializer,
    RecommitmentSerializer,
    SpotlightSerializer,
    StandardVersionSerializer,
)


class ConveningViewSet(viewsets.ReadOnlyModelViewSet):
    """The Alliance's yearly convenings, newest first (look one up by its year)."""

    queryset = Convening.objects.order_by("-year")
    serializer_class = ConveningSerializer
    permission_classes = [AllowAny]
    lookup_field = "year"
    lookup_value_regex = r"\d{4}"


class RecommitmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Members' signed recommitments, by convening year (filter by year and member slug)."""

    serializer_class = RecommitmentSerializer
    filterset_class = RecommitmentFilter
    permission_classes = [AllowAny]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.recommitments().order_by("-convening__year", "member__name", "id")


class AccessPlanViewSet(viewsets.ReadOnlyModelViewSet):
    """Members' long-term plans for access with their milestones (due-date order)."""

    serializer_class = AccessPlanSerializer
    filterset_class = AccessPlanFilter
    permission_classes = [AllowAny]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.access_plans().order_by("-convening__year", "member__name", "id")


class StandardVersionViewSet(viewsets.ReadOnlyModelViewSet):
    """Hiring standards as approved each year, per member and occupation, each with what
    changed since the member's previous version for that occupation."""

    serializer_class = StandardVersionSerializer
    filterset_class = StandardVersionFilter
    permission_classes = [AllowAny]

    def get_queryset(self) -> QuerySet[StandardVersion]:
        return StandardVersion.objects.select_related("member", "occupation").order_by(
            "-year", "member__name", "occupation__soc_code", "id"
        )

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        # The diff of every version on the page, from one query for their earlier versions.
        instance = args[0] if args else kwargs.get("instance")
        if instance is not None:
            versions = list(instance) if kwargs.get("many") else [instance]
            years = {row.version.pk: row for row in selectors.standard_years_of(versions)}
            kwargs.setdefault("context", self.get_serializer_context())["years"] = years
        return super().get_serializer(*args, **kwargs)


class NeedViewSet(viewsets.ReadOnlyModelViewSet):
    """The industry needs board: members' open needs with the programs providers answered
    with (closed needs leave the board, as on the page)."""

    serializer_class = NeedSerializer
    filterset_class = NeedFilter
    permission_classes = [AllowAny]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.needs_board()


class SpotlightViewSet(viewsets.ReadOnlyModelViewSet):
    """Promising programs and member stories chosen by the task force, with their figures
    (each with source and date); withdrawn spotlights are not served."""

    serializer_class = SpotlightSerializer
    filterset_class = SpotlightFilter
    permission_classes = [AllowAny]

    def get_queryset(self) -> QuerySet[Spotlight]:
        return selectors.spotlights().order_by("-convening__year", "kind", "title", "id")


def _award_row(
    result: AwardResult, convening: Convening, decision: AwardDecision | None
) -> dict[str, Any]:
    computed = result.as_json()
    return {
        "year": convening.year,
        "category": result.category,
        "title": result.title,
        "rule": result.rule,
        "source": result.source,
        "source_url": result.source_url,
        "as_of": result.as_of,
        "rows": computed["rows"],
        "computed_winner": result.winner.slug if result.winner else None,
        "tied": [m.slug for m in result.tied],
        "reasoning": computed["reasoning"],
        "decision": (
            {
                "winner": decision.member.slug,
                "outcome": decision.outcome,
                "reason": decision.reason,
                "decided_on": decision.decided_on,
                "computed_winner": (
                    decision.computed_member.slug if decision.computed_member else None
                ),
                "computed_reasoning": decision.computed.get("reasoning", ""),
            }
            if decision
            else None
        ),
        "is_synthetic": result.is_synthetic or convening.is_synthetic,
    }


class AwardListView(generics.GenericAPIView):
    """Awards of each convening, computed from published data: the rule, the ranked figures,
    the computed winner and why, and the task force's confirmation or choice with its reason."""

    permission_classes = [AllowAny]
    serializer_class = AwardSerializer
    filter_backends: list[Any] = []

    @extend_schema(
        summary="Awards with their reasoning",
        parameters=[
            OpenApiParameter(
                "year", OpenApiTypes.INT, required=False, description="Convening year."
            )
        ],
        responses={200: AwardSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        unknown = sorted(set(request.query_params) - {"year", "page", "page_size", "format"})
        if unknown:
            raise ValidationError({name: ["Unknown parameter."] for name in unknown})
        convenings = Convening.objects.order_by("-year")
        year = request.query_params.get("year")
        if year is not None:
            if not year.isdigit() or len(year) > 4:
                raise ValidationError({"year": ["Enter a year such as 2026."]})
            convenings = convenings.filter(year=int(year))
        rows = []
        for convening in convenings:
            decisions = selectors.award_decisions(convening=convening)
            for result in award_results(convening=convening):
                rows.append(_award_row(result, convening, decisions.get(result.category)))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(AwardSerializer(page, many=True).data)
