from django.contrib import admin

from careerportal.admin_base import ReadOnlyModelAdmin

from .models import HiringCount, HiringCredentialCount, Submission, ValidationIssue


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyModelAdmin):
    """Read-only: submissions change only through the portal, the API or the command."""

    list_display = ["id", "member", "year", "status", "original_filename", "created_at",
                    "hires_total", "cells_total", "issues_total"]  # fmt: skip
    list_filter = ["status", "year", "shape", "is_synthetic"]
    search_fields = ["member__name", "member__slug", "original_filename", "sha256"]
    list_select_related = ["member"]
    date_hierarchy = "created_at"


@admin.register(ValidationIssue)
class ValidationIssueAdmin(ReadOnlyModelAdmin):
    list_display = ["submission", "row", "column", "value", "code"]
    list_filter = ["code"]
    raw_id_fields = ["submission"]

    # Staff may delete a stray row (a correction); nobody adds or edits one here.
    allow_delete = True


@admin.register(HiringCount)
class HiringCountAdmin(ReadOnlyModelAdmin):
    list_display = ["submission", "soc_code", "job_category", "training_pathway", "hires"]
    list_filter = ["submission__year", "job_category"]
    raw_id_fields = ["submission"]

    # Staff may delete a stray row (a correction); nobody adds or edits one here.
    allow_delete = True


@admin.register(HiringCredentialCount)
class HiringCredentialCountAdmin(ReadOnlyModelAdmin):
    list_display = ["submission", "training_pathway", "credential", "hires"]
    list_filter = ["submission__year", "training_pathway"]
    raw_id_fields = ["submission", "credential"]

    # Staff may delete a stray row (a correction); nobody adds or edits one here.
    allow_delete = True
