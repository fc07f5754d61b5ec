"""Programs come from public files; staff may read them and fix links to credentials."""

from django.contrib import admin

from .models import Program


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "provider", "source", "source_state", "zip_code", "total_cost_usd"]
    list_filter = ["source", "source_state", "wioa_eligible", "in_demand", "is_synthetic"]
    search_fields = ["name", "external_id", "provider__name", "cip_code"]
    raw_id_fields = ["provider"]
    filter_horizontal = ["credentials"]
    readonly_fields = ["search_text", "search_vector", "updated_at"]
