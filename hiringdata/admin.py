from django.contrib import admin

from . import report_admin  # noqa: F401
from .models import HiringCount, Submission, ValidationIssue


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only: submissions change only through the portal, the API or the command."""

    list_display = ["id", "member", "year", "status", "original_filename", "created_at",
                    "hires_total", "cells_total", "issues_total"]  # fmt: skip
    list_filter = ["status", "year", "shape", "is_synthetic"]
    search_fields = ["member__name", "member__slug", "original_filename", "sha256"]
    list_select_related = ["member"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ValidationIssue)
class ValidationIssueAdmin(admin.ModelAdmin):
    list_display = ["submission", "row", "column", "value", "code"]
    list_filter = ["code"]
    raw_id_fields = ["submission"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(HiringCount)
class HiringCountAdmin(admin.ModelAdmin):
    list_display = ["submission", "member", "year", "soc_code", "job_category", "hires"]
    list_filter = ["year", "job_category"]
    raw_id_fields = ["submission", "member", "credential"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
