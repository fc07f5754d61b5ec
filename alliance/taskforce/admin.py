from django.contrib import admin

from .models import HighDemandEntry, HighDemandList, Meeting, MeetingDecision


class DecisionInline(admin.TabularInline):
    model = MeetingDecision
    extra = 0
    raw_id_fields = ["certification", "hiring_standard", "high_demand_list", "recorded_by"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["scheduled_for", "title", "status", "minutes_approved_on", "is_synthetic"]
    inlines = [DecisionInline]
    # Approval is a task-force act with its audit entry (the meeting page), not an admin edit.
    readonly_fields = ["minutes_approved_on", "minutes_approved_by"]


class EntryInline(admin.TabularInline):
    model = HighDemandEntry
    extra = 0
    raw_id_fields = ["occupation"]


@admin.register(HighDemandList)
class HighDemandListAdmin(admin.ModelAdmin):
    list_display = ["version", "decided_on", "is_synthetic"]
    inlines = [EntryInline]
