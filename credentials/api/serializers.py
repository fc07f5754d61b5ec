"""API shapes of the catalog: list rows from the comparison index, detail with sources."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pathways.api.serializers import FundingMatchSerializer

from ..models import (
    COST_ITEM_FIELDS,
    OUTCOME_REPORT_FIELDS,
    ComparisonIndex,
    CostItem,
    Credential,
    OutcomeReport,
)
from ..outcome_provenance import report_outcome_provenance


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
    outcome_provenance = serializers.SerializerMethodField(
        help_text='"Verified by the task force on <date>", "Reported by the provider", or empty '
        "when a public source published the figures."
    )

    class Meta:
        model = OutcomeReport
        fields = [*OUTCOME_REPORT_FIELDS, "outcome_provenance"]

    def get_outcome_provenance(self, report: OutcomeReport) -> str:
        return report_outcome_provenance(report)


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


class ProgramFactSerializer(serializers.Serializer):
    """One program fact as the pages show it: what, its value, and where it comes from."""

    # DRF's metaclass takes declared fields off the class, so these do not shadow Field.label and
    # Field.source at run time; the stubs cannot see that.
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]


class FundingProgramSerializer(serializers.Serializer):
    """The program facts the screener was given (null: not known)."""

    clock_hours = serializers.IntegerField(allow_null=True)
    clock_hours_basis = serializers.CharField()
    weeks = serializers.DecimalField(max_digits=6, decimal_places=1, allow_null=True)
    total_cost_usd = serializers.IntegerField(
        allow_null=True, help_text="The highest published total price, rounded up."
    )
    cost_date = serializers.CharField(help_text="Date of the price's source.")
    credential_type = serializers.CharField()
    completion_rate = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    placement_rate = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    outcome_basis = serializers.CharField(help_text="The outcome report the rates come from.")
    outcome_is_synthetic = serializers.BooleanField()
    on_etpl = serializers.BooleanField(
        allow_null=True, help_text="Null when the catalog does not know (no state ETPL record)."
    )
    title_iv = serializers.BooleanField(
        allow_null=True, help_text="The school takes federal student aid (Title IV)."
    )
    title_iv_program = serializers.BooleanField(
        allow_null=True,
        help_text="The program itself is listed for federal student aid (a College Scorecard "
        "program); null: the school's financial aid office says.",
    )
    va_approved = serializers.BooleanField(allow_null=True)
    listed_funding = serializers.ListField(child=serializers.CharField())
    facts = serializers.SerializerMethodField(help_text="The same facts as the pages show.")

    @extend_schema_field(ProgramFactSerializer(many=True))
    def get_facts(self, facts: Any) -> list[dict[str, str]]:
        return [
            {"label": label, "value": value, "source": source}
            for label, value, source in facts.rows()
        ]


class FundingScreenSerializer(serializers.Serializer):
    program = FundingProgramSerializer(source="facts")
    sources = FundingMatchSerializer(source="matches", many=True)
    left_low_usd = serializers.IntegerField(
        source="left.low_usd",
        allow_null=True,
        help_text="Left to pay if every likely or possible source pays its confirmed most.",
    )
    left_high_usd = serializers.IntegerField(
        source="left.high_usd",
        allow_null=True,
        help_text="Left to pay if none pays (the highest published price); null when no price.",
    )
    left_assumptions = serializers.ListField(
        source="left.assumptions", child=serializers.CharField()
    )


class CompareColumnSerializer(serializers.Serializer):
    credential = CredentialListSerializer(source="row")
    payback_months = serializers.IntegerField(allow_null=True)
    best = serializers.ListField(child=serializers.CharField())
    funding = FundingScreenSerializer(allow_null=True)


class CompareSerializer(serializers.Serializer):
    columns = CompareColumnSerializer(many=True)
    payback_assumptions = serializers.CharField()
    screened_with_answers = serializers.BooleanField(
        help_text="False: no answers were given, so funding is screened on the program alone."
    )
    funding_assumptions = serializers.CharField()
