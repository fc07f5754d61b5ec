"""Public read of the gaps in training (the page /alliance/gaps/ as data)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pathways.models import EducationLevel

from .. import selectors
from .serializers import GapSerializer


class GapListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Gaps in tech training, ranked",
        description="For each tech-family occupation and starting education level: certified "
        "credentials and training programs that are short, affordable and have outcomes; "
        "ranked fewest first, then by openings and wage. Without `level`, every level.",
        parameters=[
            OpenApiParameter(
                "level",
                OpenApiTypes.STR,
                enum=EducationLevel.values,
                required=False,
                description="Starting education level.",
            )
        ],
        responses={200: GapSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        # Absent means every level; present must be one of them (an empty value too, as the
        # other list filters refuse it).
        level = request.query_params.get("level")
        if level is not None and level not in EducationLevel.values:
            raise ValidationError(
                {"level": [f"Choose one of: {', '.join(EducationLevel.values)}."]}
            )
        rows = selectors.gaps(education_level=level)
        return Response(GapSerializer(rows, many=True).data)
