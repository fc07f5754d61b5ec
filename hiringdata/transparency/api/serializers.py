"""Serializers of published transparency reports (never drafts, never the audit)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..exports import report_public_json
from ..models import TransparencyReport
from ..presentation import REASON_TEXT
from ..selectors import report_public_summary


class TransparencyReportListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="transparency-report-detail")
    page = serializers.SerializerMethodField()

    class Meta:
        model = TransparencyReport
        fields = ["id", "url", "year", "version", "published_at", "is_synthetic", "page"]

    def get_page(self, report: TransparencyReport) -> str:
        return f"/transparency/{report.year}/v{report.version}/"


class TransparencyReportSerializer(TransparencyReportListSerializer):
    summary = serializers.SerializerMethodField()
    tables = serializers.SerializerMethodField()
    withheld_reasons = serializers.SerializerMethodField()

    class Meta(TransparencyReportListSerializer.Meta):
        fields = [
            *TransparencyReportListSerializer.Meta.fields,
            "withheld_reasons",
            "summary",
            "tables",
        ]

    @extend_schema_field(serializers.DictField())
    def get_summary(self, report: TransparencyReport) -> dict:
        return report_public_summary(report=report)

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_withheld_reasons(self, report: TransparencyReport) -> dict:
        return {code: str(text) for code, text in REASON_TEXT.items()}

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_tables(self, report: TransparencyReport) -> list:
        return report_public_json(report=report)["tables"]
