"""Admin for counselor plans."""

from django.contrib import admin

from .models import Plan, PlanItem


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    raw_id_fields = ["occupation", "credential"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "owner", "updated_at"]
    search_fields = ["title", "token"]
    raw_id_fields = ["owner"]
    readonly_fields = ["token", "created_at", "updated_at"]
    inlines = [PlanItemInline]
