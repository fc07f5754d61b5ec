"""Staff keep the catalog here; saving a credential refreshes its comparison-index row."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from . import plan_admin  # noqa: F401
from .models import (
    COST_ITEM_FIELDS,
    OUTCOME_REPORT_FIELDS,
    CostItem,
    Credential,
    OutcomeReport,
    Provider,
)
from .programs import admin as program_admin  # noqa: F401
from .tasks import comparison_index_refresh_enqueue


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "website", "is_synthetic"]
    list_filter = ["kind", "is_synthetic"]
    search_fields = ["name", "slug", "ctdl_id"]
    prepopulated_fields = {"slug": ["name"]}
    # The CTDL id is given once and never changes (other sites and files refer to it).
    readonly_fields = ["ctdl_id"]

    def save_model(self, request: HttpRequest, obj: Provider, form: object, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The index copies provider name and states into every row of its credentials.
        ids = list(obj.credentials.values_list("pk", flat=True))
        if ids:
            comparison_index_refresh_enqueue(credential_ids=ids)


class CostItemInline(TranslationTabularInline):
    model = CostItem
    extra = 0
    fields = COST_ITEM_FIELDS


class OutcomeReportInline(TranslationTabularInline):
    model = OutcomeReport
    extra = 0
    fields = OUTCOME_REPORT_FIELDS


@admin.register(Credential)
class CredentialAdmin(TranslationAdmin):
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
    autocomplete_fields = ["provider"]
    filter_horizontal = ["occupations", "funding_sources", "skills"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CostItemInline, OutcomeReportInline]
    actions = ["refresh_index"]

    def save_related(
        self, request: HttpRequest, form: object, formsets: object, change: bool
    ) -> None:
        # After the inlines and M2M are saved: the index row reads all of them.
        super().save_related(request, form, formsets, change)  # type: ignore[arg-type]
        comparison_index_refresh_enqueue(credential_ids=[form.instance.pk])  # type: ignore[attr-defined]

    @admin.action(description="Refresh the comparison index for the selected credentials")
    def refresh_index(self, request: HttpRequest, queryset: QuerySet[Credential]) -> None:
        comparison_index_refresh_enqueue(credential_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, "Index refresh queued.")
