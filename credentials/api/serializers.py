"""API shapes of the catalog: list rows from the comparison index, detail with sources."""

from rest_framework import serializers

from ..models import (
    COST_ITEM_FIELDS,
    OUTCOME_REPORT_FIELDS,
    ComparisonIndex,
    CostItem,
    Credential,
    OutcomeReport,
)


class CredentialListSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-credentials-detail", lookup_field="slug"
    )
    relevance = serializers.FloatField(read_only=True, required=False, allow_null=True)

    class Meta:
        model = ComparisonIndex
        fields = [
            "slug", "url", "name", "provider_name", "credential_type", "category", "level",
            "delivery", "languages", "states", "total_cost_min_usd", "total_cost_max_usd",
            "cost_source_date", "duration_weeks", "total_hours", "placement_rate_pct",
            "median_salary_usd", "outcome_period", "outcome_source_name", "outcome_source_url",
            "outcome_is_synthetic", "certification_status", "certified",
            "certification_decided_on", "certification_expires_on", "recognition_count",
            "funding_slugs", "occupation_codes", "occupation_wage_min_usd",
            "occupation_wage_max_usd", "is_synthetic", "relevance",
        ]  # fmt: skip


class CostItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = CostItem
        fields = COST_ITEM_FIELDS


class OutcomeReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = OutcomeReport
        fields = OUTCOME_REPORT_FIELDS


class CredentialDetailSerializer(serializers.ModelSerializer):
    provider = serializers.CharField(source="provider.name")
    cost_items = CostItemSerializer(many=True)
    outcome_reports = OutcomeReportSerializer(many=True)
    occupations: serializers.Field = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="soc_code"
    )
    funding_sources: serializers.Field = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug"
    )
    index = CredentialListSerializer(source="index_row", read_only=True)

    class Meta:
        model = Credential
        fields = [
            "slug", "name", "provider", "credential_type", "type_as_published", "category",
            "level", "delivery", "languages", "duration_weeks", "total_hours", "duration_note",
            "exam_required", "exams_required", "renewal_rule", "prerequisites", "summary",
            "description", "price_model", "price_notes", "official_url", "video_url",
            "captions_url", "ctdl_id", "is_synthetic", "compiled_on", "cost_items",
            "outcome_reports", "occupations", "funding_sources", "index",
        ]  # fmt: skip


class CompareColumnSerializer(serializers.Serializer):
    credential = CredentialListSerializer(source="row")
    payback_months = serializers.IntegerField(allow_null=True)
    best = serializers.ListField(child=serializers.CharField())


class CompareSerializer(serializers.Serializer):
    columns = CompareColumnSerializer(many=True)
    payback_assumptions = serializers.CharField()
