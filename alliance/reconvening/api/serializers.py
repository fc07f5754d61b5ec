"""API shapes of the reconvening: everything here is already on a public page."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from alliance.models import Convening
from careerportal.translations.presentation import authored_text
from credentials.models import Provider

from ..models import (
    AccessPlan,
    Milestone,
    Need,
    NeedAnswer,
    Recommitment,
    Spotlight,
    SpotlightFigure,
    StandardVersion,
)


class ConveningSerializer(serializers.ModelSerializer):
    class Meta:
        model = Convening
        fields = ["year", "title", "held_on", "place", "agenda", "is_synthetic"]


@extend_schema_field(OpenApiTypes.STR)
class AuthoredTextField(serializers.Field):
    """Text its author wrote, in the version a page in the request's language shows
    (careerportal.translations.presentation.authored_text): theirs in that language, else their
    English, else their first version; "" only for an optional text left empty."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str:
        return authored_text(value, str(self.field_name)).text


@extend_schema_field(
    serializers.CharField(
        allow_null=True, help_text="The language the text beside it is written in (null if empty)."
    )
)
class AuthoredLanguageField(serializers.Field):
    """The language code of the version AuthoredTextField gives for the field `of`."""

    def __init__(self, *, of: str, **kwargs: Any) -> None:
        self.of = of
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str | None:
        shown = authored_text(value, self.of)
        return shown.language if shown.text else None


def _slug_field() -> serializers.SlugRelatedField[Any]:
    return serializers.SlugRelatedField(slug_field="slug", read_only=True)


class RecommitmentSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="convening.year", read_only=True)
    member = _slug_field()
    member_name = serializers.CharField(source="member.name", read_only=True)
    statement = AuthoredTextField()
    statement_language = AuthoredLanguageField(of="statement")

    class Meta:
        model = Recommitment
        fields = [
            "id",
            "year",
            "member",
            "member_name",
            "statement",
            "statement_language",
            "signed_on",
            "signer_name",
            "signer_title",
            "is_synthetic",
        ]


class MilestoneSerializer(serializers.ModelSerializer):
    title = AuthoredTextField()
    title_language = AuthoredLanguageField(of="title")
    note = AuthoredTextField()
    note_language = AuthoredLanguageField(of="note")

    class Meta:
        model = Milestone
        fields = [
            "id",
            "title",
            "title_language",
            "due_on",
            "status",
            "note",
            "note_language",
            "updated_on",
            "is_synthetic",
        ]


class AccessPlanSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="convening.year", read_only=True)
    member = _slug_field()
    member_name = serializers.CharField(source="member.name", read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    summary = AuthoredTextField()
    summary_language = AuthoredLanguageField(of="summary")

    class Meta:
        model = AccessPlan
        fields = [
            "id",
            "year",
            "member",
            "member_name",
            "summary",
            "summary_language",
            "updated_on",
            "milestones",
            "is_synthetic",
        ]


class StandardChangeSerializer(serializers.Serializer):
    """One field's change since the year before: items added and removed, or text rewritten."""

    label = serializers.CharField()  # type: ignore[assignment]
    sentence = serializers.CharField()
    added_label = serializers.CharField()
    added = serializers.ListField(child=serializers.CharField())
    removed_label = serializers.CharField()
    removed = serializers.ListField(child=serializers.CharField())
    before = serializers.CharField()
    after = serializers.CharField()


class StandardVersionSerializer(serializers.ModelSerializer):
    """A member's hiring standard for an occupation as approved in one year, with what changed
    since its previous version (the context's 'years' maps each version id to that)."""

    member = _slug_field()
    member_name = serializers.CharField(source="member.name", read_only=True)
    occupation = serializers.CharField(source="occupation.soc_code", read_only=True)
    occupation_title = serializers.CharField(source="occupation.title", read_only=True)
    previous_year = serializers.SerializerMethodField()
    changes = serializers.SerializerMethodField()

    class Meta:
        model = StandardVersion
        fields = [
            "id",
            "year",
            "member",
            "member_name",
            "occupation",
            "occupation_title",
            "approved_on",
            "title",
            "summary",
            "credentials",
            "credentials_note",
            "portfolio_items",
            "interview_questions",
            "screening_steps",
            "degree_required",
            "previous_year",
            "changes",
            "is_synthetic",
        ]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_previous_year(self, obj: StandardVersion) -> int | None:
        row = self.context["years"].get(obj.pk)
        return row.previous.year if row and row.previous else None

    @extend_schema_field(StandardChangeSerializer(many=True))
    def get_changes(self, obj: StandardVersion) -> list[dict[str, Any]]:
        row = self.context["years"].get(obj.pk)
        return [
            {
                "label": str(c.label),
                "sentence": str(c.sentence),
                "added_label": str(c.added_label),
                "added": c.added,
                "removed_label": str(c.removed_label),
                "removed": c.removed,
                "before": c.before,
                "after": c.after,
            }
            for c in (row.changes if row else [])
        ]


class NeedAnswerSerializer(serializers.ModelSerializer):
    provider = serializers.SlugRelatedField[Provider](slug_field="slug", read_only=True)
    provider_name = serializers.CharField(source="provider.name", read_only=True)
    program = serializers.IntegerField(source="program_id", read_only=True)
    program_name = serializers.CharField(source="program.name", read_only=True)
    message = AuthoredTextField()
    message_language = AuthoredLanguageField(of="message")

    class Meta:
        model = NeedAnswer
        fields = [
            "id",
            "provider",
            "provider_name",
            "program",
            "program_name",
            "message",
            "message_language",
            "answered_on",
            "is_synthetic",
        ]


class NeedSerializer(serializers.ModelSerializer):
    member = _slug_field()
    member_name = serializers.CharField(source="member.name", read_only=True)
    occupation = serializers.CharField(
        source="occupation.soc_code", read_only=True, allow_null=True, default=None
    )
    answers = NeedAnswerSerializer(many=True, read_only=True)
    role = AuthoredTextField()
    role_language = AuthoredLanguageField(of="role")
    skills = AuthoredTextField()
    skills_language = AuthoredLanguageField(of="skills")

    class Meta:
        model = Need
        fields = [
            "id",
            "member",
            "member_name",
            "role",
            "role_language",
            "occupation",
            "skills",
            "skills_language",
            "people",
            "needed_by",
            "posted_on",
            "answers",
            "is_synthetic",
        ]


class SpotlightFigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpotlightFigure
        fields = ["label", "value", "source", "source_url", "as_of"]


class SpotlightSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="convening.year", read_only=True)
    member: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    program = serializers.IntegerField(source="program_id", read_only=True, allow_null=True)
    picture = serializers.SerializerMethodField()
    figures = SpotlightFigureSerializer(many=True, read_only=True)
    title = AuthoredTextField()
    title_language = AuthoredLanguageField(of="title")
    body = AuthoredTextField()
    body_language = AuthoredLanguageField(of="body")

    class Meta:
        model = Spotlight
        fields = [
            "id",
            "year",
            "kind",
            "title",
            "title_language",
            "body",
            "body_language",
            "member",
            "program",
            "picture",
            "picture_alt",
            "figures",
            "chosen_on",
            "updated_on",
            "is_synthetic",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_picture(self, obj: Spotlight) -> str | None:
        return obj.picture.url if obj.picture else None


class AwardFigureSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.CharField()


class AwardRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    member = serializers.CharField(source="member_slug", help_text="The member's slug.")
    member_name = serializers.CharField(source="member")
    headline = serializers.CharField()
    figures = AwardFigureSerializer(many=True)


class AwardDecisionSerializer(serializers.Serializer):
    winner = serializers.CharField(help_text="The winner's member slug.")
    outcome = serializers.ChoiceField(choices=["confirmed", "overridden"])
    reason = serializers.CharField()
    decided_on = serializers.DateField()
    computed_winner = serializers.CharField(
        allow_null=True, help_text="The member the rule gave when the task force decided."
    )
    computed_reasoning = serializers.CharField(
        help_text="What the rule said when the task force decided."
    )


class AwardSerializer(serializers.Serializer):
    """One award category of a convening: the rule, the ranked figures, the computed winner
    with the reasoning, and the task force's decision (null until it decides)."""

    year = serializers.IntegerField()
    category = serializers.CharField()
    title = serializers.CharField()
    rule = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]
    source_url = serializers.CharField()
    as_of = serializers.DateField(allow_null=True)
    rows = AwardRowSerializer(many=True)
    computed_winner = serializers.CharField(allow_null=True)
    tied = serializers.ListField(child=serializers.CharField())
    reasoning = serializers.CharField()
    decision = AwardDecisionSerializer(allow_null=True)
    is_synthetic = serializers.BooleanField()
