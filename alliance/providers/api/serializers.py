"""API shape of the gaps: each figure with what it counts."""

from rest_framework import serializers

from pathways.models import EducationLevel


class GapInvitationsSerializer(serializers.Serializer):
    """Invitations sent to fill the gap that reached at least each stage."""

    sent = serializers.IntegerField()
    answered = serializers.IntegerField()
    submitted = serializers.IntegerField(help_text="A program was sent for review.")
    certified = serializers.IntegerField(help_text="The task force approved the program.")


class GapSerializer(serializers.Serializer):
    rank = serializers.IntegerField(
        help_text="1 = the biggest gap at this level: fewest options, then most openings, "
        "then highest wage."
    )
    soc_code = serializers.CharField()
    title = serializers.CharField()
    education_level = serializers.ChoiceField(choices=EducationLevel.choices)
    credentials = serializers.IntegerField(
        help_text="Certified credentials for the job, open to this level, at most 26 weeks, "
        "at most $5,000 before aid, with outcomes."
    )
    credentials_synthetic = serializers.IntegerField(help_text="Of them, synthetic test data.")
    programs = serializers.IntegerField(
        help_text="Training programs tied to the job by the CIP-SOC crosswalk, short, "
        "affordable and with outcomes."
    )
    programs_synthetic = serializers.IntegerField(help_text="Of them, synthetic test data.")
    annual_openings = serializers.IntegerField(
        allow_null=True, help_text="BLS Employment Projections, openings each year."
    )
    median_annual_wage = serializers.IntegerField(
        allow_null=True, help_text="BLS OEWS national median, USD."
    )
    wage_vintage = serializers.CharField()
    projection_period = serializers.CharField()
    entry_education = serializers.CharField(help_text="BLS typical education needed for entry.")
    invitations = GapInvitationsSerializer()
