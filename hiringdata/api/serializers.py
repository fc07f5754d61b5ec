"""API shapes for hiring-data submissions and their problems."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hiringdata.models import Submission, ValidationIssue


class SubmissionSerializer(serializers.ModelSerializer):
    member: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    status_url = serializers.SerializerMethodField()
    problems_url = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = [
            "id", "member", "year", "status", "shape", "original_filename", "sha256",
            "size_bytes", "created_at", "processed_at", "rows_total", "hires_total",
            "cells_total", "issues_total", "superseded_by", "status_url", "problems_url",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_status_url(self, obj: Submission) -> str:
        return reverse("hiring-submission-detail", args=[obj.pk])

    @extend_schema_field(serializers.CharField())
    def get_problems_url(self, obj: Submission) -> str:
        return reverse("hiring-submission-problems", args=[obj.pk])


class SubmissionUploadSerializer(serializers.Serializer):
    member = serializers.SlugField(help_text="The member's slug.")
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    file = serializers.FileField(help_text="CSV (UTF-8) or XLSX in the data-dictionary format.")


class ValidationIssueSerializer(serializers.ModelSerializer):
    message = serializers.CharField(source="text", read_only=True)

    class Meta:
        model = ValidationIssue
        fields = ["row", "column", "value", "code", "params", "message"]
        read_only_fields = fields
