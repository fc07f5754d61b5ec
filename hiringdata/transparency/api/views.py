"""/api/v1/transparency-reports/: published reports only, with their published tables."""

import django_filters
from rest_framework import viewsets

from ..models import TransparencyReport
from .serializers import TransparencyReportListSerializer, TransparencyReportSerializer


class TransparencyReportFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="year", min_value=2000, max_value=2100)

    class Meta:
        model = TransparencyReport
        fields = ["year"]


class TransparencyReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Published transparency reports; drafts do not exist here."""

    queryset = TransparencyReport.objects.published().order_by("-year", "-version")
    filterset_class = TransparencyReportFilter

    def get_serializer_class(self):  # type: ignore[no-untyped-def]
        if self.action == "list":
            return TransparencyReportListSerializer
        return TransparencyReportSerializer
