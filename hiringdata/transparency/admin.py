"""Admin for transparency reports: read-only (build and publish from /transparency/staff/)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from careerportal.admin_base import ReadOnlyModelAdmin

from .models import ReportTable, TransparencyReport


class ReportTableInline(admin.TabularInline):
    model = ReportTable
    fields = readonly_fields = ("key", "member", "passed", "dropped_reason")
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(TransparencyReport)
class TransparencyReportAdmin(ReadOnlyModelAdmin):
    list_display = ["year", "version", "status", "built_at", "published_at", "is_synthetic"]
    list_filter = ["status", "year", "is_synthetic"]
    readonly_fields = [
        "year",
        "version",
        "status",
        "built_at",
        "built_by",
        "published_at",
        "published_by",
        "input_fingerprint",
        "summary",
        "is_synthetic",
    ]
    inlines = [ReportTableInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Drafts may go; published versions are frozen (the database refuses anyway).
        return bool(obj is not None and not obj.is_published and request.user.is_superuser)
