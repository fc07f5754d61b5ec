"""Staff keep the catalog here; every save marks the comparison-index rows stale (stale_marks)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from careerportal.admin_base import PlainSummaryAdmin

from .models import (
    COST_ITEM_FIELDS,
    OUTCOME_REPORT_FIELDS,
    CostItem,
    Credential,
    OutcomeReport,
    Provider,
)
from .plans import admin as _plans_admin  # noqa: F401  (registers the plans admin)
from .programs import admin as _programs_admin  # noqa: F401  (registers the programs admin)
from .services import comparison_index_mark_stale


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "website", "is_synthetic"]
    list_filter = ["kind", "is_synthetic"]
    search_fields = ["name", "slug", "ctdl_id"]
    prepopulated_fields = {"slug": ["name"]}
    # The CTDL id is given once and never changes (other sites and files refer to it).
    readonly_fields = ["ctdl_id"]


class CostItemInline(TranslationTabularInline):
    model = CostItem
    extra = 0
    fields = COST_ITEM_FIELDS


class OutcomeReportInline(TranslationTabularInline):
    model = OutcomeReport
    extra = 0
    fields = OUTCOME_REPORT_FIELDS


@admin.register(Credential)
class CredentialAdmin(PlainSummaryAdmin, TranslationAdmin):
    plain_fields = ("summary",)
    list_display = ["name", "provider", "credential_type", "category", "status", "is_synthetic"]
    list_filter = [
        "status",
        "category",
        "credential_type",
        "level",
        "is_synthetic",
        "provider__kind",
    ]
    search_fields = ["name", "slug", "provider__name", "ctdl_id"]
    readonly_fields = ["ctdl_id"]
    list_select_related = ["provider"]
    autocomplete_fields = ["provider", "video"]
    # The old address fields are not shown on pages: a video is attached with its captions,
    # transcript, source and licence (videos.Video).
    exclude = ["video_url", "captions_url"]
    filter_horizontal = ["occupations", "funding_sources", "skills"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CostItemInline, OutcomeReportInline]
    actions = ["refresh_index"]

    @admin.action(description="Refresh the comparison index for the selected credentials")
    def refresh_index(self, request: HttpRequest, queryset: QuerySet[Credential]) -> None:
        comparison_index_mark_stale(credential_ids=queryset.values_list("pk", flat=True))
        self.message_user(request, "Index refresh queued.")
