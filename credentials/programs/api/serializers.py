"""API shapes of programs: every figure with its source and date; withheld figures named."""

from rest_framework import serializers

from ...outcome_provenance import program_outcome_provenance
from ..models import Program

PROGRAM_FIELDS = [
    "id", "url", "name", "provider_name", "source", "source_state", "source_url", "source_date",
    "cip_code", "cip_title", "street", "city", "state", "zip_code", "county", "latitude",
    "longitude", "distance_miles", "online", "tuition_usd", "fees_usd", "books_usd",
    "supplies_usd", "other_costs_usd", "total_cost_usd", "clock_hours", "calendar_length",
    "evening_courses", "weekend_courses", "part_time", "childcare", "transit_access",
    "job_placement", "wheelchair_access", "languages", "credential_earned", "credential_kind",
    "wioa_eligible", "in_demand", "has_outcomes", "outcome_source", "outcome_source_url",
    "outcome_period", "employed_q2_pct", "employed_q4_pct", "employed_q8_pct", "wage_q2_usd",
    "wage_q4_usd", "wage_q8_usd", "completers_q2", "completers_q4", "completers_q8",
    "credential_level", "awards_count", "median_earnings_usd", "median_debt_usd", "withheld",
    "is_synthetic", "relevance", "duration_weeks", "outcomes_verified_on",
    "outcomes_self_reported", "outcome_provenance",
]  # fmt: skip


class TrainingProgramSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api-programs-detail")
    provider_name = serializers.CharField(source="provider.name", read_only=True)
    distance_miles = serializers.FloatField(read_only=True, required=False, allow_null=True)
    relevance = serializers.FloatField(read_only=True, required=False, allow_null=True)
    outcome_provenance = serializers.SerializerMethodField(
        help_text='"Verified by the task force on <date>", "Reported by the provider", or empty '
        "when a public list published the figures."
    )

    class Meta:
        model = Program
        fields = PROGRAM_FIELDS

    def get_outcome_provenance(self, program: Program) -> str:
        return program_outcome_provenance(program)


class TrainingProgramDetailSerializer(TrainingProgramSerializer):
    credentials: serializers.Field = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug"
    )

    class Meta:
        model = Program
        fields = [*PROGRAM_FIELDS, "description", "prerequisites", "transit_notes", "credentials"]
