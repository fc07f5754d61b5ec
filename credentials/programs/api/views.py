"""The programs API: the same FilterSet and selectors as /programs/."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from ...pagination import RESULT_COUNT_CAP, IdsFirstPageNumberPagination
from .. import selectors
from ..filters import ProgramFilter
from ..models import Program
from .serializers import TrainingProgramDetailSerializer, TrainingProgramSerializer

LIST_DESCRIPTION = (
    "Search training programs (state ETPL lists and College Scorecard), with the parameters of "
    "the /programs/ page. `zip` + `within` (miles) keep programs whose ZIP centre (Census ZCTA "
    "centroid) lies within that distance of yours, with `distance_miles`. `withheld` names the "
    "outcome fields the publisher withheld (the state's -99999, Scorecard's PrivacySuppressed); "
    "they are null, never zero. `wage_q*_usd` are average quarterly wages. "
    f"`count` is exact up to {RESULT_COUNT_CAP:,}; a cursor walk (`cursor`) reads every match."
)


@extend_schema_view(list=extend_schema(description=LIST_DESCRIPTION))
class ProgramViewSet(viewsets.ReadOnlyModelViewSet):
    """Training programs: search and filter (list) and one program with its sources."""

    queryset = Program.objects.all()
    filterset_class = ProgramFilter
    pagination_class = IdsFirstPageNumberPagination

    def get_queryset(self):  # type: ignore[no-untyped-def]
        return selectors.program_search_rows()

    def get_serializer_class(self):  # type: ignore[no-untyped-def]
        return (
            TrainingProgramDetailSerializer
            if self.action == "retrieve"
            else TrainingProgramSerializer
        )

    def retrieve(self, request: Request, *args: object, **kwargs: object) -> Response:
        try:
            program = selectors.program_detail(program_id=int(str(kwargs["pk"])))
        except ValueError:
            raise Http404 from None
        if program is None:
            raise Http404
        return Response(TrainingProgramDetailSerializer(program, context={"request": request}).data)
