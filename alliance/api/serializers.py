"""API shapes of the Alliance. Writes are checked and done by services, not by serializers."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers

from careerportal.api_fields import StrictCharField, StrictTextModelSerializer
from credentials.models import Credential
from pathways.models import Occupation

from ..models import (
    CertificationDecision,
    CertificationStatus,
    Commitment,
    CommitmentKind,
    CredentialRecognition,
    HiringStandard,
    Member,
    RecognitionKind,
)


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = [
            "slug",
            "name",
            "kind",
            "size",
            "naics_code",
            "state",
            "website",
            "description",
            "joined_on",
            "is_synthetic",
        ]


class CommitmentSerializer(StrictTextModelSerializer):
    member: serializers.SlugRelatedField[Member] = serializers.SlugRelatedField(
        slug_field="slug", queryset=Member.objects.all()
    )
    kind = serializers.ChoiceField(choices=CommitmentKind.choices)
    board_status = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "id",
            "member",
            "kind",
            "deadline",
            "signed_on",
            "signer_name",
            "signer_title",
            "note",
            "board_status",
            "done_on",
            "is_synthetic",
        ]
        read_only_fields = ["signed_on", "done_on", "is_synthetic"]

    def get_board_status(self, obj: Commitment) -> str:
        """On track, done (data submitted) or overdue, against today's date."""
        return obj.board_status  # type: ignore[attr-defined]  # annotated by commitment_board


class DecisionStatusField(serializers.ChoiceField):
    """A decision's status: staff record any but "lapsed", which only the review workflow sets
    (so answers can carry it)."""


class DecisionStatusFieldSchema(OpenApiSerializerFieldExtension):
    target_class = DecisionStatusField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        values = list(CertificationStatus.values)
        if direction == "request":
            values.remove(CertificationStatus.LAPSED)
        return {"type": "string", "enum": values}


class CertificationDecisionSerializer(serializers.ModelSerializer):
    credential = serializers.SlugRelatedField(
        slug_field="slug", queryset=Credential.objects.published()
    )
    status = DecisionStatusField(
        choices=[c for c in CertificationStatus.choices if c[0] != CertificationStatus.LAPSED]
    )
    rationale = StrictCharField(max_length=4000, allow_blank=True, required=False)

    class Meta:
        model = CertificationDecision
        fields = [
            "id",
            "credential",
            "status",
            "decided_on",
            "effective_on",
            "expires_on",
            "next_review_on",
            "review_due_since",
            "rationale",
            "votes_for",
            "votes_against",
            "votes_abstain",
            "is_synthetic",
        ]
        read_only_fields = [
            "review_due_since",
            "votes_for",
            "votes_against",
            "votes_abstain",
            "is_synthetic",
        ]
        extra_kwargs = {"decided_on": {"required": False}}


class RecognitionSerializer(serializers.ModelSerializer):
    member: serializers.SlugRelatedField[Member] = serializers.SlugRelatedField(
        slug_field="slug", queryset=Member.objects.all()
    )
    credential = serializers.SlugRelatedField(
        slug_field="slug", queryset=Credential.objects.published()
    )
    kind = serializers.ChoiceField(choices=RecognitionKind.choices)

    class Meta:
        model = CredentialRecognition
        fields = ["id", "member", "credential", "kind", "stated_on", "is_synthetic"]
        read_only_fields = ["stated_on", "is_synthetic"]


class HiringStandardSerializer(StrictTextModelSerializer):
    member: serializers.SlugRelatedField[Member] = serializers.SlugRelatedField(
        slug_field="slug", queryset=Member.objects.all()
    )
    occupation: serializers.SlugRelatedField[Occupation] = serializers.SlugRelatedField(
        slug_field="soc_code", queryset=Occupation.objects.all()
    )
    credentials_valued = serializers.SlugRelatedField(
        slug_field="slug", queryset=Credential.objects.published(), many=True, required=False
    )
    submit = serializers.BooleanField(write_only=True, required=False, default=False)

    class Meta:
        model = HiringStandard
        fields = [
            "id",
            "member",
            "occupation",
            "title",
            "summary",
            "credentials_valued",
            "credentials_note",
            "portfolio_items",
            "interview_questions",
            "screening_steps",
            "degree_required",
            "status",
            "review_note",
            "approved_on",
            "is_synthetic",
            "submit",
        ]
        read_only_fields = ["status", "review_note", "approved_on", "is_synthetic"]


class HiringStandardReviewSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    note = StrictCharField(max_length=1000, allow_blank=True, required=False, default="")
