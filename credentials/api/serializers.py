"""API shapes of the catalog: list rows from the comparison index, detail with sources."""

from rest_framework import serializers

from ..models import ComparisonIndex, CostItem, Credential, OutcomeReport


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
        fields = [
            "kind", "amount_min_usd", "amount_max_usd", "unit", "count", "source_url",
            "source_date", "confidence", "note", "is_synthetic",
        ]  # fmt: skip


class OutcomeReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = OutcomeReport
        fields = [
            "vocabulary", "period", "cohort", "enrolled", "graduated_on_time_pct",
            "graduated_150_pct", "employed_in_field_180_days_pct", "median_starting_salary_usd",
            "employment_rate_q2_pct", "employment_rate_q4_pct", "median_earnings_q2_usd",
            "reported_employment_pct", "reported_salary_usd", "reported_salary_is_average",
            "statement", "source_name", "source_url", "source_date", "audited", "self_reported",
            "is_synthetic",
        ]  # fmt: skip


class CredentialDetailSerializer(serializers.ModelSerializer):
    provider = serializers.CharField(source="provider.name")
    cost_items = CostItemSerializer(many=True)
    outcome_reports = OutcomeReportSerializer(many=True)
    occupations = serializers.SlugRelatedField(many=True, read_only=True, slug_field="soc_code")
    funding_sources = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
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
