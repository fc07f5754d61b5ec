from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from careerportal.api_fields import StrictCharField
from careerportal.filters import refuse_ambiguous_parameters

from ..extensions import ScreenProgram, screen_program
from ..forms import SCREENER_EDUCATION, US_STATES
from ..models import (
    EmploymentStatus,
    FundingApplyStep,
    FundingFact,
    FundingSource,
    IncomeBand,
    Occupation,
    Pathway,
    PathwayStep,
)


class OccupationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api-occupation-detail", lookup_field="soc_code"
    )
    missing_reasons = serializers.DictField(
        child=serializers.CharField(), help_text="Why a figure is empty, by field name."
    )

    class Meta:
        model = Occupation
        fields = [
            "url", "soc_code", "soc_detailed", "onet_code", "in_tech_family", "title", "title_es",
            "description", "description_es", "onet_description", "field",
            "median_annual_wage", "wage_vintage", "wage_source_url", "wage_confidence",
            "employment", "employment_vintage", "projected_change_pct", "projection_period",
            "annual_openings", "projection_source_url", "projection_confidence",
            "typical_entry_education", "entry_education", "education_source_url",
            "job_zone", "bright_outlook", "onet_vintage", "onet_source_url", "onet_confidence",
            "missing_reasons",
        ]  # fmt: skip


class StepCredentialSerializer(serializers.Serializer):
    """A credential that fits a step, as the catalog reports it (certified ones first)."""

    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.CharField()
    certified = serializers.BooleanField()
    total_cost_usd = serializers.IntegerField(allow_null=True)


class PathwayStepSerializer(serializers.ModelSerializer):
    job_occupation: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="soc_code", read_only=True, allow_null=True
    )

    class Meta:
        model = PathwayStep
        fields = [
            "order", "kind", "title", "title_es", "description", "min_weeks", "max_weeks",
            "min_cost_usd", "max_cost_usd", "cost_note", "cost_source_url", "cost_source_date",
            "credential_slugs", "credential_category", "credential_level", "job_occupation",
            "credentials",
        ]  # fmt: skip

    credentials = serializers.SerializerMethodField()

    @extend_schema_field(StepCredentialSerializer(many=True))
    def get_credentials(self, step: PathwayStep) -> list[dict[str, Any]]:
        resolved = self.context.get("step_credentials", {})
        # .keys(): the DRF stubs type iterating a BindingDict as yielding fields, not names.
        names = StepCredentialSerializer().fields.keys()
        items = [{key: item.get(key) for key in names} for item in resolved.get(step.id, [])]
        # Through the serializer, so each value has the documented type (a whole-dollar total).
        return list(StepCredentialSerializer(items, many=True).data)


class PathwaySerializer(serializers.ModelSerializer):
    occupation: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="soc_code", read_only=True
    )
    steps = PathwayStepSerializer(many=True, read_only=True)

    class Meta:
        model = Pathway
        fields = ["id", "occupation", "education_level", "summary", "is_sample", "steps"]


class FundingApplyStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = FundingApplyStep
        fields = ["order", "text", "text_es"]


class FundingFactSerializer(serializers.ModelSerializer):
    class Meta:
        model = FundingFact
        fields = [
            "key", "value", "value_date", "unit", "text", "text_es", "award_year",
            "effective_from", "effective_until", "source_url", "source_title", "read_on",
            "confidence", "note", "note_es",
        ]  # fmt: skip


class FundingSourceSerializer(serializers.ModelSerializer):
    apply_steps = FundingApplyStepSerializer(many=True, read_only=True)
    facts = FundingFactSerializer(many=True, read_only=True)

    class Meta:
        model = FundingSource
        exclude = ["id"]


class ScreenerQuerySerializer(serializers.Serializer):
    """The screener's answers and, optionally, facts about one training program."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # DRF reads an empty query parameter (`?education=`) as one left out, and keeps the
        # last of one given twice: refused as the list filters refuse them.
        refuse_ambiguous_parameters(
            self.initial_data,
            {
                name: (getattr(field, "allow_blank", False), False)
                for name, field in self.fields.items()
            },
        )
        return attrs

    state = serializers.ChoiceField(choices=US_STATES, required=False)
    age = serializers.IntegerField(min_value=14, max_value=120, required=False)
    veteran = serializers.BooleanField(required=False, allow_null=True, default=None)
    income = serializers.ChoiceField(choices=IncomeBand.choices, required=False)
    employment = serializers.ChoiceField(choices=EmploymentStatus.choices, required=False)
    education = serializers.ChoiceField(choices=SCREENER_EDUCATION, required=False)
    clock_hours = serializers.IntegerField(min_value=0, max_value=10000, required=False)
    weeks = serializers.DecimalField(
        max_digits=6, decimal_places=1, min_value=0, required=False, coerce_to_string=False
    )
    total_cost_usd = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)
    on_etpl = serializers.BooleanField(required=False, allow_null=True, default=None)
    etpl_state = serializers.ChoiceField(choices=US_STATES, required=False)
    title_iv = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The school takes federal student aid (Title IV).",
    )
    title_iv_program = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The program itself is listed for federal student aid; without it a Title IV "
        "school's program is left to the school's financial aid office (possible).",
    )
    va_approved = serializers.BooleanField(required=False, allow_null=True, default=None)
    credential_type = StrictCharField(max_length=30, required=False)
    completion_rate = serializers.IntegerField(min_value=0, max_value=100, required=False)
    placement_rate = serializers.IntegerField(min_value=0, max_value=100, required=False)
    credential = serializers.SlugField(
        max_length=120,
        required=False,
        help_text="A catalog credential's slug: its program facts replace the fields above.",
    )

    PROGRAM_FIELDS = (
        "clock_hours", "weeks", "total_cost_usd", "on_etpl", "etpl_state", "title_iv",
        "title_iv_program", "va_approved", "credential_type", "completion_rate",
        "placement_rate",
    )  # fmt: skip

    def validate_credential(self, value: str) -> ScreenProgram:
        program = screen_program(slug=value)
        if program is None:
            raise serializers.ValidationError("No published credential has this slug.")
        return program


class ReasonSerializer(serializers.Serializer):
    text = serializers.CharField()
    # A declared field named "source" (the metaclass moves it off the class; mypy cannot see).
    source = serializers.CharField(  # type: ignore[assignment]
        help_text="Where the fact the rule rests on comes from."
    )
    url = serializers.CharField()


class FundingMatchSerializer(serializers.Serializer):
    slug = serializers.CharField(source="source.slug")
    name = serializers.CharField(source="source.name")
    state = serializers.CharField(source="source.state")
    outcome = serializers.ChoiceField(
        choices=["likely", "possible", "unknown", "unlikely"],
        help_text="unknown: our data is silent on a fact a rule needs.",
    )
    decided_by = ReasonSerializer(allow_null=True, help_text="The rule that set the verdict.")
    reasons_for = ReasonSerializer(many=True)
    reasons_against = ReasonSerializer(many=True)
    unknowns = ReasonSerializer(many=True)
    to_check = ReasonSerializer(many=True)
    amount = serializers.CharField(
        source="amount_fact.text", allow_null=True, default=None, help_text="The amount fact."
    )
    amount_not_counted_why = serializers.CharField(
        help_text="Why the amount is not counted (not verified at the agency's page), or empty."
    )
    covers_up_to_usd = serializers.IntegerField(allow_null=True)
    cost_left_usd = serializers.IntegerField(allow_null=True)
